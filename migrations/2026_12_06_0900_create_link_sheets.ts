import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. A sheet of personal links a staff member just made,
// kept for a few minutes so the page that shows it can be reloaded and printed. `sealed` is the
// sheet encrypted (AES-256-GCM) with a key that only the staff member's browser holds (a cookie);
// the database alone never gives working links.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('link_sheets')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('staff_id', 'text', (c) =>
			c.notNull().references('staff_users.id').onDelete('cascade')
		)
		.addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
		.addColumn('sealed', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('link_sheets_expires_at')
		.on('link_sheets')
		.column('expires_at')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('link_sheets').execute();
}
