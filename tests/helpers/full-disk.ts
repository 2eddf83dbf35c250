import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db/open';

/**
 * Lets the database file grow no more, as on a full disk: a write that needs one more page fails
 * with SQLITE_FULL and SQLite rolls its transaction back. The limit holds for this connection.
 */
export async function fillDisk(db: Db): Promise<void> {
	await sql`vacuum`.execute(db); // no free page left inside the file to reuse
	const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
	await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(db);
}

/** Room again, as when an operator has freed some disk space. */
export async function makeRoom(db: Db): Promise<void> {
	await sql`pragma max_page_count = 1000000`.execute(db);
}
