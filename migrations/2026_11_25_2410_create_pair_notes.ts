import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. Due dates are ISO strings (YYYY-MM-DD).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('pair_notes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
		.addColumn('author_staff_id', 'text', (c) => c.notNull().references('staff_users.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('pair_notes_pair_idx')
		.on('pair_notes')
		.columns(['pair_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('pair_follow_ups')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
		.addColumn('what', 'text', (c) => c.notNull())
		.addColumn('assignee_staff_id', 'text', (c) =>
			c.references('staff_users.id').onDelete('set null')
		)
		.addColumn('due_on', 'text')
		.addColumn('done_at', 'bigint')
		.addColumn('done_by', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('created_by', 'text', (c) => c.notNull().references('staff_users.id'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('pair_follow_ups_pair_idx')
		.on('pair_follow_ups')
		.column('pair_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('pair_follow_ups').execute();
	await db.schema.dropTable('pair_notes').execute();
}
