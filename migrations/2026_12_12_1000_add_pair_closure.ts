import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. How pairs end and what follows:
// - pairs.closure_reason: why a pair ended (ended early or completed), as a code
//   (src/lib/pairs/closure.ts); null while it runs, and for pairs ended before this migration.
// - pairs.follows_pair_id: the earlier pair of the same protégé that ended early, when this one
//   pairs them again.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('pairs').addColumn('closure_reason', 'text').execute();
	await db.schema
		.alterTable('pairs')
		.addColumn('follows_pair_id', 'text', (c) => c.references('pairs.id').onDelete('set null'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('pairs').dropColumn('follows_pair_id').execute();
	await db.schema.alterTable('pairs').dropColumn('closure_reason').execute();
}
