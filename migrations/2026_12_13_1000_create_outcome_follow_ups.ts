import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. Follow-up outcome surveys after a program ends:
// - programs.followup_months: a JSON list of months after the program's end ([3, 6, 12] unless
//   changed; [] for none).
// - outcome_follow_ups: one row per pair, person and step, made when the step falls due (unique,
//   so two schedulers send it once), with the answers once given: a protégé's work now and how
//   they found it (codes of src/lib/outcomes/follow-ups.ts) and job title (optional, their own
//   words); a mentor's "still in touch" (1/0).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('programs')
		.addColumn('followup_months', 'text', (c) => c.notNull().defaultTo('[3,6,12]'))
		.execute();
	await db.schema
		.createTable('outcome_follow_ups')
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
		.addColumn('months', 'integer', (c) => c.notNull())
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('reminded_at', 'bigint')
		.addColumn('answered_at', 'bigint')
		.addColumn('work', 'text')
		.addColumn('found_through', 'text')
		.addColumn('job_title', 'text')
		.addColumn('in_touch', 'integer')
		.execute();
	await db.schema
		.createIndex('outcome_follow_ups_step')
		.on('outcome_follow_ups')
		.columns(['pair_id', 'participant_id', 'months'])
		.unique()
		.execute();
	await db.schema
		.createIndex('outcome_follow_ups_program')
		.on('outcome_follow_ups')
		.columns(['program_id', 'months'])
		.execute();
	await db.schema
		.createIndex('outcome_follow_ups_person')
		.on('outcome_follow_ups')
		.column('participant_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('outcome_follow_ups').execute();
	await db.schema.alterTable('programs').dropColumn('followup_months').execute();
}
