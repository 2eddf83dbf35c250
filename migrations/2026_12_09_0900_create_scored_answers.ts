import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit after it has shipped. scored_answers: each sent survey's scored answers
// (free text left out) as one JSON object of stored values by item key, written when the survey
// is sent, so that a program's metrics read one row per survey instead of one per answer.
// Surveys sent before this are filled in here.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('scored_answers')
		.addColumn('assignment_id', 'text', (c) =>
			c.primaryKey().references('assignments.id').onDelete('cascade')
		)
		.addColumn('answers', 'text', (c) => c.notNull())
		.execute();
	const grouped =
		db.getExecutor().adapter instanceof PostgresAdapter
			? sql`json_object_agg(r.item_key, r.value)::text`
			: sql`json_group_object(r.item_key, r.value)`;
	await sql`
		insert into scored_answers (assignment_id, answers)
		select a.id, coalesce((
			select ${grouped}
			from responses r
			join instrument_items i on i.key = r.item_key and i.version_id = rounds.instrument_version_id
			where r.assignment_id = a.id and i.type <> 'text'
		), '{}')
		from assignments a
		join rounds on rounds.id = a.round_id
		where a.status = 'submitted'
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('scored_answers').execute();
}
