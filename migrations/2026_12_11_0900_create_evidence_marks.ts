import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. evidence_marks: per program, the stamp its evidence
// was last built at (its key, as evidence-cache.ts makes it) and a digest of its pairs' kept
// assessments' fingerprints then (analytics/evidence-marks.ts). While the digest holds, a server
// process with nothing of the program in memory reads the kept assessments instead of every
// survey row, and takes in only the surveys sent since. Only ever a copy.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('evidence_marks')
		.addColumn('program_id', 'text', (c) =>
			c.primaryKey().references('programs.id').onDelete('cascade')
		)
		.addColumn('stamp', 'text', (c) => c.notNull())
		.addColumn('digest', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('evidence_marks').execute();
}
