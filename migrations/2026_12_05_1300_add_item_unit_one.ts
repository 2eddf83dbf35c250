import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. A number item's unit after a number read as one
// ("1 hour a month"), JSON per language like `unit`; null when an item has none. The default
// instrument's hours a month get theirs, so reasons stop saying "1 hours a month".
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('instrument_items').addColumn('unit_one', 'text').execute();
	await db
		.updateTable('instrument_items')
		.set({ unit_one: JSON.stringify({ en: 'hour a month', fr: 'heure par mois' }) })
		.where('unit', '=', JSON.stringify({ en: 'hours a month', fr: 'heures par mois' }))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('instrument_items').dropColumn('unit_one').execute();
}
