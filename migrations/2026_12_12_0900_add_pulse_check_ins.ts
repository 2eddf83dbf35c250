import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. Pulse check-ins between the surveys:
// - programs.checkin_first_days: days after a pair starts until its first check-in (null: the
//   program sends none); programs.checkin_every_days: days between the later ones.
// - pulse_check_ins: one row per person of a pair per check-in step, made when the step falls
//   due (unique per pair, person and step, so two schedulers send it once), with the three
//   answers once given: in touch in the last two weeks (1/0), how it is going (1–5), whether
//   they would like the coordinator to contact them (1/0). No free text.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('programs')
		.addColumn('checkin_first_days', 'integer', (c) => c.defaultTo(14))
		.execute();
	await db.schema
		.alterTable('programs')
		.addColumn('checkin_every_days', 'integer', (c) => c.notNull().defaultTo(30))
		.execute();
	await db.schema
		.createTable('pulse_check_ins')
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
		.addColumn('step', 'integer', (c) => c.notNull())
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('reminded_at', 'bigint')
		.addColumn('answered_at', 'bigint')
		.addColumn('in_touch', 'integer')
		.addColumn('going', 'integer')
		.addColumn('wants_contact', 'integer')
		.execute();
	await db.schema
		.createIndex('pulse_check_ins_step')
		.on('pulse_check_ins')
		.columns(['pair_id', 'participant_id', 'step'])
		.unique()
		.execute();
	await db.schema
		.createIndex('pulse_check_ins_program')
		.on('pulse_check_ins')
		.columns(['program_id', 'answered_at'])
		.execute();
	await db.schema
		.createIndex('pulse_check_ins_person')
		.on('pulse_check_ins')
		.column('participant_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('pulse_check_ins').execute();
	await db.schema.alterTable('programs').dropColumn('checkin_every_days').execute();
	await db.schema.alterTable('programs').dropColumn('checkin_first_days').execute();
}
