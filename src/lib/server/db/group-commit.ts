import { sql, type Transaction } from 'kysely';
import { isTransactionOpen, type Db } from './open';
import type { Database } from './schema';

type Work<T> = (tx: Transaction<Database>) => Promise<T>;

interface Job {
	work: Work<unknown>;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
}

/** Bounds how long the last write of a busy moment waits for the ones queued before it. */
const MOST_PER_COMMIT = 200;

const queues = new WeakMap<Db, Job[]>();
const committing = new WeakSet<Db>();

/**
 * Runs `work` in a transaction shared with the other writes queued meanwhile, and resolves only
 * once that transaction is committed, so what it wrote is on disk when the caller answers.
 * Each acknowledged write costs one fsync of the log (synchronous=FULL); writes that arrive
 * together share it. Each runs in its own savepoint: one that throws is rolled back and rejected
 * alone, the others commit. The writes see one another in the order they arrived, as if run
 * one after another.
 */
export function commitWithOthers<T>(db: Db, work: Work<T>): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let queue = queues.get(db);
		if (!queue) queues.set(db, (queue = []));
		queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
		if (!committing.has(db)) {
			committing.add(db);
			// Let the requests already read in this turn of the event loop join the first commit.
			setImmediate(() => void commitQueued(db));
		}
	});
}

async function commitQueued(db: Db): Promise<void> {
	const queue = queues.get(db) ?? [];
	const jobs = queue.splice(0, MOST_PER_COMMIT);
	const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
	try {
		await db.transaction().execute(async (tx) => {
			for (const job of jobs) outcomes.push(await runAlone(db, tx, job.work));
		});
		jobs.forEach((job, i) => {
			const outcome = outcomes[i]!;
			if (outcome.ok) job.resolve(outcome.value);
			else job.reject(outcome.error);
		});
	} catch (error) {
		for (const job of jobs) job.reject(error);
	}
	// Writes that arrived during this commit go together in the next one.
	if (queue.length > 0) setImmediate(() => void commitQueued(db));
	else committing.delete(db);
}

async function runAlone(db: Db, tx: Transaction<Database>, work: Work<unknown>) {
	await sql`savepoint one_write`.execute(tx);
	try {
		const value = await work(tx);
		await sql`release one_write`.execute(tx);
		return { ok: true as const, value };
	} catch (error) {
		// A full disk or an I/O error makes SQLite roll back the whole transaction: the writes
		// before this one are gone too, so they all fail with this cause.
		if (!isTransactionOpen(db)) throw error;
		await sql`rollback to one_write`.execute(tx);
		await sql`release one_write`.execute(tx);
		return { ok: false as const, error };
	}
}
