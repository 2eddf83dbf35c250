import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. pair_assessments: each pair's assessment (its risk
// and each partner's positions per construct, as JSON) with a fingerprint of what it was worked
// out from, so that a server process with nothing in memory reads a program's pairs instead of
// every answer of them (analytics/pair-assessments.ts). Worked out again whenever the fingerprint
// differs; a row is only ever a copy of what the answers give.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('pair_assessments')
		.addColumn('pair_id', 'text', (c) => c.primaryKey().references('pairs.id').onDelete('cascade'))
		.addColumn('program_id', 'text', (c) =>
			c.notNull().references('programs.id').onDelete('cascade')
		)
		.addColumn('fingerprint', 'text', (c) => c.notNull())
		.addColumn('assessment', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('pair_assessments_program')
		.on('pair_assessments')
		.column('program_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('pair_assessments').execute();
}
