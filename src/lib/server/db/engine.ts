import { PostgresAdapter, sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { checkpointWriteAheadLog } from './checkpoint';
import type { Db, DbOrTx } from './open';

/**
 * The few statements that differ between SQLite and PostgreSQL. Domain modules call these and
 * never ask which engine they run on.
 */
type Engine = 'sqlite' | 'postgres';

function engineOf(db: DbOrTx): Engine {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Rows a worker claims from a queue: on PostgreSQL, rows another process is claiming right now
 * are skipped instead of waited for (FOR UPDATE SKIP LOCKED); SQLite has one writer at a time.
 */
export function skippingLockedRows<DB, TB extends keyof DB, O>(
	db: DbOrTx,
	query: SelectQueryBuilder<DB, TB, O>
): SelectQueryBuilder<DB, TB, O> {
	return engineOf(db) === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/** One JSON object (as text) per group, from a key column and a value column. */
export function jsonObjectText(db: DbOrTx, key: string, value: string): RawBuilder<string> {
	return engineOf(db) === 'postgres'
		? sql<string>`json_object_agg(${sql.ref(key)}, ${sql.ref(value)})::text`
		: sql<string>`json_group_object(${sql.ref(key)}, ${sql.ref(value)})`;
}

/**
 * Makes the database drop the earlier versions of rows just erased. SQLite keeps them in the
 * write-ahead log until a checkpoint copies zeroed pages over them; PostgreSQL keeps them as dead
 * rows until VACUUM frees their space. False when that could not happen this time.
 */
export async function dropOldRowVersions(db: Db): Promise<boolean> {
	if (engineOf(db) === 'sqlite') return checkpointWriteAheadLog(db);
	await sql`vacuum`.execute(db);
	return true;
}

/**
 * Whether a SQLite file has reached its page limit (no free page and no room to add one).
 * PostgreSQL has no such limit: a full disk shows as a failed write.
 */
export async function atPageLimit(db: Db): Promise<boolean> {
	if (engineOf(db) === 'postgres') return false;
	const { rows } = await sql<{
		page_count: number;
		max_page_count: number;
		freelist_count: number;
	}>`
		select * from pragma_page_count(), pragma_max_page_count(), pragma_freelist_count()
	`.execute(db);
	const pages = rows[0]!;
	return pages.freelist_count === 0 && pages.page_count >= pages.max_page_count;
}
