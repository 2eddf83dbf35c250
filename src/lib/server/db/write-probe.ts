import { atPageLimit } from './engine';
import { commitWithOthers } from './group-commit';
import type { Db } from './open';
import { describeStorageFailure, isStorageFailure } from './storage-failure';

/** At most one real write per this long for each database; checks in between get its answer. */
export const PROBE_INTERVAL_MS = 5_000;

export type WriteHealth = { writable: true } | { writable: false; reason: string };

interface Probe {
	at: number;
	health: Promise<WriteHealth>;
}

/** Each database's latest probe, and whether the one before it could write. */
const probes = new WeakMap<Db, Probe>();
const couldWrite = new WeakMap<Db, boolean>();

/**
 * Whether the database can still store a write: the file has room to grow (SQLite's "database
 * is full" is a page limit) and one row is rewritten and committed (a full disk, a read-only or
 * failing volume refuse that). Checks that arrive together share one probe.
 */
export function probeWrites(db: Db, now = Date.now()): Promise<WriteHealth> {
	const last = probes.get(db);
	if (last && now - last.at < PROBE_INTERVAL_MS) return last.health;
	const health = writeOnce(db, now).then((health) => {
		logChange(couldWrite.get(db) ?? true, health);
		couldWrite.set(db, health.writable);
		return health;
	});
	probes.set(db, { at: now, health });
	return health;
}

async function writeOnce(db: Db, now: number): Promise<WriteHealth> {
	try {
		if (await atPageLimit(db))
			return { writable: false, reason: 'SQLITE_FULL: the database file is at its page limit' };
		await commitWithOthers(db, (tx) =>
			tx
				.insertInto('write_probes')
				.values({ id: 1, probed_at: now })
				.onConflict((oc) => oc.column('id').doUpdateSet({ probed_at: now }))
				.execute()
		);
		return { writable: true };
	} catch (error) {
		const reason = isStorageFailure(error) ? describeStorageFailure(error) : String(error);
		return { writable: false, reason };
	}
}

/** One log line when writing stops working and one when it works again, not one per check. */
function logChange(before: boolean, health: WriteHealth): void {
	if (before && !health.writable)
		console.error(`[tandem] the database cannot write: ${health.reason}`);
	if (!before && health.writable) console.log('[tandem] the database can write again');
}
