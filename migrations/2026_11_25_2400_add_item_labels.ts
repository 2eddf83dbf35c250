import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. A short name per language, JSON like `hint`
// ({"en": "Job leads and referrals", "fr": "…"}); null when an item has none.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('instrument_items').addColumn('label', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('instrument_items').dropColumn('label').execute();
}
