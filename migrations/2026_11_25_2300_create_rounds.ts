import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has shipped.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('rounds')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('program_id', 'text', (c) =>
			c.notNull().references('programs.id').onDelete('cascade')
		)
		.addColumn('instrument_version_id', 'text', (c) =>
			c.notNull().references('instrument_versions.id')
		)
		.addColumn('wave', 'text', (c) => c.notNull().check(sql`wave in ('pre', 'mid', 'post')`))
		.addColumn('opens_on', 'text', (c) => c.notNull())
		.addColumn('closes_on', 'text', (c) => c.notNull())
		.addColumn('closed_at', 'bigint')
		.addColumn('reminder_days', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('rounds_program_idx').on('rounds').column('program_id').execute();

	await db.schema
		.createTable('assignments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role in ('mentor', 'protege', 'employer', 'staff')`)
		)
		.addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('cascade'))
		.addColumn('staff_id', 'text', (c) => c.references('staff_users.id').onDelete('cascade'))
		.addColumn('pair_id', 'text', (c) => c.references('pairs.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('not_started', 'in_progress', 'submitted')`)
		)
		.addColumn('last_page', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('started_at', 'bigint')
		.addColumn('submitted_at', 'bigint')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('assignments_participant_unique', [
			'round_id',
			'participant_id',
			'pair_id'
		])
		.addUniqueConstraint('assignments_staff_unique', ['round_id', 'staff_id'])
		.execute();
	await db.schema
		.createIndex('assignments_round_idx')
		.on('assignments')
		.columns(['round_id', 'status'])
		.execute();
	await db.schema
		.createIndex('assignments_participant_idx')
		.on('assignments')
		.column('participant_id')
		.execute();

	await db.schema
		.createTable('responses')
		.addColumn('assignment_id', 'text', (c) =>
			c.notNull().references('assignments.id').onDelete('cascade')
		)
		.addColumn('item_key', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('responses_pk', ['assignment_id', 'item_key'])
		.execute();

	await db.schema
		.createTable('participant_links')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('participant_id', 'text', (c) =>
			c.notNull().references('participants.id').onDelete('cascade')
		)
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_by', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('revoked_at', 'bigint')
		.addColumn('last_used_at', 'bigint')
		.execute();
	await db.schema
		.createIndex('participant_links_participant_idx')
		.on('participant_links')
		.column('participant_id')
		.execute();

	await db.schema.alterTable('participants').addColumn('consented_at', 'bigint').execute();
	await db.schema
		.alterTable('sessions')
		.addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('cascade'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('sessions').dropColumn('participant_id').execute();
	await db.schema.alterTable('participants').dropColumn('consented_at').execute();
	for (const table of ['participant_links', 'responses', 'assignments', 'rounds']) {
		await db.schema.dropTable(table).execute();
	}
}
