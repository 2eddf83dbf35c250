import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. Counters for sign-in, two-step and mail limits, shared by
// every server process. `key` is a SHA-256 of the limit's name and what it counts (an address, an
// account), so no email or IP is stored; `attempts` counts every attempt since `window_started_at`,
// refused ones included.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('attempt_limits')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('window_started_at', 'integer', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('attempt_limits_window_started_at')
		.on('attempt_limits')
		.column('window_started_at')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('attempt_limits').execute();
}
