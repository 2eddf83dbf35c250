import type { Kysely } from 'kysely';

// Frozen: never edit after it has shipped.
// staff_two_factor: one row per staff member who started setting up an authenticator app;
// `enrolled_at` stays null until they confirm it with a code. `sealed_key` is the TOTP key,
// encrypted when TOTP_ENCRYPTION_KEY is set. `last_used_step` refuses a code used twice.
// sessions.two_factor_verified_at: null while a session waits for the second sign-in step.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('staff_two_factor')
		.addColumn('staff_user_id', 'text', (c) =>
			c.primaryKey().references('staff_users.id').onDelete('cascade')
		)
		.addColumn('sealed_key', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('enrolled_at', 'bigint')
		.addColumn('last_used_step', 'bigint')
		.execute();

	await db.schema
		.createTable('staff_recovery_codes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('staff_user_id', 'text', (c) =>
			c.notNull().references('staff_users.id').onDelete('cascade')
		)
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('used_at', 'bigint')
		.execute();
	await db.schema
		.createIndex('staff_recovery_codes_staff_idx')
		.on('staff_recovery_codes')
		.columns(['staff_user_id', 'code_hash'])
		.execute();

	await db.schema
		.alterTable('organizations')
		.addColumn('require_two_factor', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('sessions').addColumn('two_factor_verified_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('sessions').dropColumn('two_factor_verified_at').execute();
	await db.schema.alterTable('organizations').dropColumn('require_two_factor').execute();
	await db.schema.dropTable('staff_recovery_codes').execute();
	await db.schema.dropTable('staff_two_factor').execute();
}
