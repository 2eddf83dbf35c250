import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. exit_surveys: when a pair ends (early or completed),
// each of its people still taking part gets a short exit survey of matched items, once (unique
// per pair and person, so two schedulers send it once): whether the mentoring met what they
// expected (1–5) and what helped most (a code). No free text.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('exit_surveys')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('program_id', 'text', (c) =>
			c.notNull().references('programs.id').onDelete('cascade')
		)
		.addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
		.addColumn('participant_id', 'text', (c) =>
			c.notNull().references('participants.id').onDelete('cascade')
		)
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('answered_at', 'bigint')
		.addColumn('met_expectations', 'integer')
		.addColumn('helped_most', 'text')
		.execute();
	await db.schema
		.createIndex('exit_surveys_person')
		.on('exit_surveys')
		.columns(['pair_id', 'participant_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('exit_surveys_participant')
		.on('exit_surveys')
		.column('participant_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('exit_surveys').execute();
}
