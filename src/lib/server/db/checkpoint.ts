import { sql } from 'kysely';
import type { Db } from './open';

/**
 * Copies every committed page from the write-ahead log into the database file and empties the
 * log, so erased content no longer sits in old log frames. With `secure_delete` on (open.ts) the
 * copied pages hold zeros where the erased rows were. Returns false when another connection was
 * still reading and the log could not be emptied this time.
 */
export async function checkpointWriteAheadLog(db: Db): Promise<boolean> {
	const { rows } = await sql<{
		busy: number;
	}>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
	return rows[0]?.busy === 0;
}
