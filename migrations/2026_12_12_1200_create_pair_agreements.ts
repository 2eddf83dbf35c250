import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. pair_agreements: what a pair agrees on after reading
// their conversation guide, one row per pair: how often they meet (a code of
// src/lib/pairs/agreement.ts), how (a JSON list of mode codes), who starts contact, and up to three
// goals (a JSON list of { item } — a focus item's key — or { text } in their own words).
// Each side confirms the version they read: a change by one side clears the other's
// confirmation, and agreed_at is set while both stand.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('pair_agreements')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('program_id', 'text', (c) =>
			c.notNull().references('programs.id').onDelete('cascade')
		)
		.addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
		.addColumn('frequency', 'text')
		.addColumn('modes', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('starter', 'text')
		.addColumn('goals', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('changed_by', 'text', (c) => c.notNull())
		.addColumn('changed_at', 'bigint', (c) => c.notNull())
		.addColumn('mentor_confirmed_at', 'bigint')
		.addColumn('protege_confirmed_at', 'bigint')
		.addColumn('agreed_at', 'bigint')
		.execute();
	await db.schema
		.createIndex('pair_agreements_pair')
		.on('pair_agreements')
		.column('pair_id')
		.unique()
		.execute();
	await db.schema
		.createIndex('pair_agreements_program')
		.on('pair_agreements')
		.columns(['program_id', 'agreed_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('pair_agreements').execute();
}
