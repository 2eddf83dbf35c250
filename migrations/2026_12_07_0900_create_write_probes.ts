import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. One row the health check rewrites every few seconds at
// most, to learn whether the database can still store anything (a full disk refuses it).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('write_probes')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('probed_at', 'bigint', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('write_probes').execute();
}
