import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. A participant's session remembers the link that
// opened it and ends when that link expires or is revoked. Sessions opened before this change
// name no link, so they end now: their people open their link again (answers are all saved).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('sessions')
		.addColumn('participant_link_id', 'text', (c) =>
			c.references('participant_links.id').onDelete('cascade')
		)
		.execute();
	await db.schema
		.createIndex('sessions_participant_link_idx')
		.on('sessions')
		.column('participant_link_id')
		.execute();
	await db.deleteFrom('sessions').where('participant_id', 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('sessions_participant_link_idx').execute();
	await db.schema.alterTable('sessions').dropColumn('participant_link_id').execute();
}
