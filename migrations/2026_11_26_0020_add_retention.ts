import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has shipped. retention_months null means "keep until erased by
// hand"; closed_at is when a program was closed (earlier closed programs: their last update).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('organizations').addColumn('retention_months', 'integer').execute();
	await db.schema.alterTable('programs').addColumn('closed_at', 'bigint').execute();
	await db
		.updateTable('programs')
		.set({ closed_at: sql`updated_at` })
		.where('status', '=', 'closed')
		.execute();
	await db.schema.alterTable('participants').addColumn('erased_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('participants').dropColumn('erased_at').execute();
	await db.schema.alterTable('programs').dropColumn('closed_at').execute();
	await db.schema.alterTable('organizations').dropColumn('retention_months').execute();
}
