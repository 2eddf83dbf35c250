import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has shipped. Timestamps are epoch milliseconds (bigint).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('organizations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('default_language', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('staff_users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'coordinator')`))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('active')
				.check(sql`status in ('active', 'disabled')`)
		)
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('language', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('password_changed_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('staff_users_organization_idx')
		.on('staff_users')
		.column('organization_id')
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'text', (c) => c.notNull())
		// Nullable so that participant sessions (personal links) can share this table later.
		.addColumn('staff_user_id', 'text', (c) => c.references('staff_users.id').onDelete('cascade'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('last_verified_at', 'bigint', (c) => c.notNull())
		.addColumn('user_agent', 'text')
		.addColumn('ip', 'text')
		.execute();
	await db.schema
		.createIndex('sessions_staff_user_idx')
		.on('sessions')
		.column('staff_user_id')
		.execute();

	await db.schema
		.createTable('one_time_tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('setup', 'invitation')`))
		.addColumn('organization_id', 'text', (c) =>
			c.references('organizations.id').onDelete('cascade')
		)
		.addColumn('email', 'text')
		.addColumn('name', 'text')
		.addColumn('role', 'text')
		.addColumn('created_by', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('used_at', 'bigint')
		.addColumn('revoked_at', 'bigint')
		.execute();
	await db.schema
		.createIndex('one_time_tokens_organization_idx')
		.on('one_time_tokens')
		.columns(['organization_id', 'purpose'])
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.references('organizations.id').onDelete('cascade')
		)
		.addColumn('actor_staff_id', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('target_type', 'text')
		.addColumn('target_id', 'text')
		.addColumn('detail', 'text')
		.addColumn('ip', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('audit_log_organization_time_idx')
		.on('audit_log')
		.columns(['organization_id', 'created_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_log').execute();
	await db.schema.dropTable('one_time_tokens').execute();
	await db.schema.dropTable('sessions').execute();
	await db.schema.dropTable('staff_users').execute();
	await db.schema.dropTable('organizations').execute();
}
