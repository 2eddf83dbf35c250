import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped. What alignment-aware matching needs:
// - participants.capacity: how many protégés a mentor takes at most (null: one);
// - participants.field: the person's field, one of the program's `fields` (null: not set);
// - participants.languages: other languages the person speaks, lowercase BCP 47 codes joined by
//   commas ("ar,es"); the survey language counts too;
// - programs.fields: the program's short list of fields, a JSON array of names;
// - programs.field_rule / language_rule: 'off', 'bonus' or 'must';
// - match_locks: a coordinator's "always pair these two" (must) or "never" (never).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('participants').addColumn('capacity', 'integer').execute();
	await db.schema.alterTable('participants').addColumn('field', 'text').execute();
	await db.schema
		.alterTable('participants')
		.addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema
		.alterTable('programs')
		.addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'))
		.execute();
	await db.schema
		.alterTable('programs')
		.addColumn('field_rule', 'text', (c) => c.notNull().defaultTo('off'))
		.execute();
	await db.schema
		.alterTable('programs')
		.addColumn('language_rule', 'text', (c) => c.notNull().defaultTo('off'))
		.execute();
	await db.schema
		.createTable('match_locks')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('program_id', 'text', (c) =>
			c.notNull().references('programs.id').onDelete('cascade')
		)
		.addColumn('mentor_id', 'text', (c) =>
			c.notNull().references('participants.id').onDelete('cascade')
		)
		.addColumn('protege_id', 'text', (c) =>
			c.notNull().references('participants.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addUniqueConstraint('match_locks_pair', ['program_id', 'mentor_id', 'protege_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('match_locks').execute();
	await db.schema.alterTable('programs').dropColumn('language_rule').execute();
	await db.schema.alterTable('programs').dropColumn('field_rule').execute();
	await db.schema.alterTable('programs').dropColumn('fields').execute();
	await db.schema.alterTable('participants').dropColumn('languages').execute();
	await db.schema.alterTable('participants').dropColumn('field').execute();
	await db.schema.alterTable('participants').dropColumn('capacity').execute();
}
