import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has shipped. Calendar dates are ISO strings (YYYY-MM-DD).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('programs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('start_date', 'text', (c) => c.notNull())
		.addColumn('end_date', 'text', (c) => c.notNull())
		.addColumn('default_language', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('draft', 'active', 'closed')`)
		)
		.addColumn('watch_threshold', 'real', (c) => c.notNull())
		.addColumn('risk_threshold', 'real', (c) => c.notNull())
		.addColumn('pairs_see_summary', 'integer', (c) => c.notNull())
		.addColumn('mentor_multiple_proteges', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('programs_organization_idx')
		.on('programs')
		.column('organization_id')
		.execute();

	await db.schema
		.createTable('employers')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('archived_at', 'bigint')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('employers_organization_idx')
		.on('employers')
		.column('organization_id')
		.execute();

	await db.schema
		.createTable('participants')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('program_id', 'text', (c) =>
			c.notNull().references('programs.id').onDelete('cascade')
		)
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role in ('mentor', 'protege', 'employer')`)
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('phone', 'text')
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('occupation', 'text')
		.addColumn('employer_id', 'text', (c) => c.references('employers.id').onDelete('set null'))
		.addColumn('consent_date', 'text')
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'withdrawn')`))
		.addColumn('withdrawn_at', 'bigint')
		.addColumn('withdrawn_reason', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('participants_program_email_unique', ['program_id', 'email'])
		.execute();
	await db.schema
		.createIndex('participants_program_idx')
		.on('participants')
		.columns(['program_id', 'role'])
		.execute();

	await db.schema
		.createTable('pairs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('program_id', 'text', (c) =>
			c.notNull().references('programs.id').onDelete('cascade')
		)
		.addColumn('mentor_id', 'text', (c) => c.notNull().references('participants.id'))
		.addColumn('protege_id', 'text', (c) => c.notNull().references('participants.id'))
		.addColumn('employer_id', 'text', (c) => c.references('employers.id').onDelete('set null'))
		.addColumn('coordinator_id', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('active', 'paused', 'ended_early', 'completed')`)
		)
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('updated_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('pairs_program_idx').on('pairs').column('program_id').execute();
	await db.schema.createIndex('pairs_mentor_idx').on('pairs').column('mentor_id').execute();
	await db.schema.createIndex('pairs_protege_idx').on('pairs').column('protege_id').execute();

	await db.schema
		.createTable('pair_status_changes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('changed_by', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('changed_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('pair_status_changes_pair_idx')
		.on('pair_status_changes')
		.columns(['pair_id', 'changed_at'])
		.execute();

	await db.schema
		.createTable('participant_imports')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('program_id', 'text', (c) =>
			c.notNull().references('programs.id').onDelete('cascade')
		)
		.addColumn('staff_id', 'text', (c) =>
			c.notNull().references('staff_users.id').onDelete('cascade')
		)
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('completed_at', 'bigint')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'participant_imports',
		'pair_status_changes',
		'pairs',
		'participants',
		'employers',
		'programs'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
