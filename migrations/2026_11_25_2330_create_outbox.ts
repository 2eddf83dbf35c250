import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has shipped.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('outbox')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organization_id', 'text', (c) =>
			c.notNull().references('organizations.id').onDelete('cascade')
		)
		.addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('cascade'))
		.addColumn('round_id', 'text', (c) => c.references('rounds.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('invitation', 'reminder')`))
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('pending', 'sent', 'failed')`)
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
		.addColumn('sent_at', 'bigint')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('outbox_due_idx')
		.on('outbox')
		.columns(['status', 'next_attempt_at'])
		.execute();
	await db.schema.createIndex('outbox_round_idx').on('outbox').column('round_id').execute();

	await db.schema
		.createTable('reminder_sends')
		.addColumn('assignment_id', 'text', (c) =>
			c.notNull().references('assignments.id').onDelete('cascade')
		)
		.addColumn('step', 'integer', (c) => c.notNull())
		.addColumn('sent_at', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('reminder_sends_pk', ['assignment_id', 'step'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('reminder_sends').execute();
	await db.schema.dropTable('outbox').execute();
}
