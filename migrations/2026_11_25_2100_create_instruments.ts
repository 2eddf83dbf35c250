import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has shipped. Localized labels are JSON objects in text columns
// ({"en": "…", "fr": "…"}); question wording gets its own rows, one per item × role × language.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('instruments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('instruments_organization_idx')
		.on('instruments')
		.column('organization_id')
		.execute();

	await db.schema
		.createTable('instrument_versions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('instrument_id', 'text', (c) =>
			c.notNull().references('instruments.id').onDelete('cascade')
		)
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text')
		.addColumn('languages', 'text', (c) => c.notNull())
		.addColumn('based_on_version_id', 'text', (c) =>
			c.references('instrument_versions.id').onDelete('set null')
		)
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('published_at', 'bigint')
		.addColumn('published_by', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addUniqueConstraint('instrument_versions_number_unique', ['instrument_id', 'number'])
		.execute();

	await db.schema
		.createTable('instrument_constructs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('version_id', 'text', (c) =>
			c.notNull().references('instrument_versions.id').onDelete('cascade')
		)
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('intro', 'text')
		.addColumn('weight', 'real', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addUniqueConstraint('instrument_constructs_key_unique', ['version_id', 'key'])
		.execute();

	await db.schema
		.createTable('instrument_items')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('version_id', 'text', (c) =>
			c.notNull().references('instrument_versions.id').onDelete('cascade')
		)
		.addColumn('construct_id', 'text', (c) =>
			c.notNull().references('instrument_constructs.id').onDelete('cascade')
		)
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('wave', 'text', (c) => c.notNull().check(sql`wave in ('pre', 'mid', 'post')`))
		.addColumn('type', 'text', (c) =>
			c.notNull().check(sql`type in ('scale', 'choice', 'multi', 'number', 'text')`)
		)
		.addColumn('required', 'integer', (c) => c.notNull())
		.addColumn('critical', 'integer', (c) => c.notNull())
		.addColumn('follows_key', 'text')
		.addColumn('direction', 'text', (c) => c.check(sql`direction in ('ascending', 'descending')`))
		.addColumn('unit', 'text')
		.addColumn('min_value', 'real')
		.addColumn('max_value', 'real')
		.addColumn('step', 'real')
		.addColumn('hint', 'text')
		.addColumn('position', 'integer', (c) => c.notNull())
		.addUniqueConstraint('instrument_items_key_unique', ['version_id', 'key'])
		.execute();
	await db.schema
		.createIndex('instrument_items_construct_idx')
		.on('instrument_items')
		.column('construct_id')
		.execute();

	await db.schema
		.createTable('instrument_options')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('item_id', 'text', (c) =>
			c.notNull().references('instrument_items.id').onDelete('cascade')
		)
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('missing', 'integer', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addUniqueConstraint('instrument_options_value_unique', ['item_id', 'value'])
		.execute();

	await db.schema
		.createTable('instrument_wordings')
		.addColumn('item_id', 'text', (c) =>
			c.notNull().references('instrument_items.id').onDelete('cascade')
		)
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role in ('mentor', 'protege', 'employer', 'staff')`)
		)
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('instrument_wordings_pk', ['item_id', 'role', 'language'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'instrument_wordings',
		'instrument_options',
		'instrument_items',
		'instrument_constructs',
		'instrument_versions',
		'instruments'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
