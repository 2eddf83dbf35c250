import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. An IANA zone name; rounds open and close, and "today"
// turns, at midnight there. Existing organizations were set up in Toronto.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('organizations')
		.addColumn('time_zone', 'text', (col) => col.notNull().defaultTo('America/Toronto'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('organizations').dropColumn('time_zone').execute();
}
