import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. Surveys in participants' own languages:
// - programs.languages: the languages the program offers participants, a JSON array of codes
//   (programs made before this offered English and French, the only two there were);
// - programs.bilingual_questions: 1 shows each question also in the program's language, smaller;
// - instrument_language_reviews: a language of an instrument version a fluent staff member has
//   checked; any other language but the source (the version's first) is a draft.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('programs')
		.addColumn('languages', 'text', (c) => c.notNull().defaultTo('["en","fr"]'))
		.execute();
	await db.schema
		.alterTable('programs')
		.addColumn('bilingual_questions', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createTable('instrument_language_reviews')
		.addColumn('version_id', 'text', (c) =>
			c.notNull().references('instrument_versions.id').onDelete('cascade')
		)
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('reviewed_by', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('reviewed_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('instrument_language_reviews_pk', ['version_id', 'language'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('instrument_language_reviews').execute();
	await db.schema.alterTable('programs').dropColumn('bilingual_questions').execute();
	await db.schema.alterTable('programs').dropColumn('languages').execute();
}
