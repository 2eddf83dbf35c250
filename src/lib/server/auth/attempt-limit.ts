import { sql } from 'kysely';
import type { DbOrTx } from '../db';
import { hashSecret } from './tokens';

/**
 * A limit on attempts per key (an address, an account, a staff member) in a fixed window, kept in
 * the database so that every server process and a restart see the same counts. An attempt is
 * reserved before the work it guards (a password check, a code check, a mail send): one upsert
 * counts it and says whether it fits, so simultaneous requests cannot all pass a check that
 * none of them has recorded yet.
 */
export interface AttemptLimit {
	/** Part of the stored key, so two limits never share a counter. */
	readonly name: string;
	readonly limit: number;
	readonly windowMs: number;
}

export type Reserved = { allowed: true; key: string; windowStartedAt: number };
export type Refused = {
	allowed: false;
	retryAfterMs: number;
	/** Refused attempts in this window so far, this one included. */
	refused: number;
};
export type Reservation = Reserved | Refused;

function storedKey(rule: AttemptLimit, subject: string): string {
	return hashSecret(`${rule.name}\n${subject}`);
}

/** Counts one attempt for `subject` (refused ones too) and says whether it may go ahead. */
export async function reserveAttempt(
	db: DbOrTx,
	rule: AttemptLimit,
	subject: string,
	now = Date.now()
): Promise<Reservation> {
	const key = storedKey(rule, subject);
	const windowOver = sql<boolean>`attempt_limits.window_started_at <= ${now - rule.windowMs}`;
	const counted = await db
		.insertInto('attempt_limits')
		.values({ key, window_started_at: now, attempts: 1 })
		.onConflict((conflict) =>
			conflict.column('key').doUpdateSet({
				window_started_at: sql<number>`case when ${windowOver} then ${now} else attempt_limits.window_started_at end`,
				attempts: sql<number>`case when ${windowOver} then 1 else attempt_limits.attempts + 1 end`
			})
		)
		.returning(['window_started_at', 'attempts'])
		.executeTakeFirstOrThrow();
	if (counted.attempts <= rule.limit)
		return { allowed: true, key, windowStartedAt: counted.window_started_at };
	return {
		allowed: false,
		retryAfterMs: Math.max(counted.window_started_at + rule.windowMs - now, 1),
		refused: counted.attempts - rule.limit
	};
}

/**
 * One attempt against each limit in turn (an address, then an account). A refusal gives back what
 * the earlier limits reserved, so an attempt counts against all of them only when it is made.
 */
export async function reserveAttempts(
	db: DbOrTx,
	limits: [AttemptLimit, string][],
	now = Date.now()
): Promise<{ allowed: true; reserved: Reserved[] } | Refused> {
	const reserved: Reserved[] = [];
	for (const [rule, subject] of limits) {
		const reservation = await reserveAttempt(db, rule, subject, now);
		if (!reservation.allowed) {
			for (const earlier of reserved) await releaseAttempt(db, earlier);
			return reservation;
		}
		reserved.push(reservation);
	}
	return { allowed: true, reserved };
}

/** Gives back an attempt that did not count after all (a sign-in that succeeded). */
export async function releaseAttempt(
	db: DbOrTx,
	reservation: { key: string; windowStartedAt: number }
): Promise<void> {
	await db
		.updateTable('attempt_limits')
		.set((eb) => ({ attempts: eb('attempts', '-', 1) }))
		.where('key', '=', reservation.key)
		.where('window_started_at', '=', reservation.windowStartedAt)
		.where('attempts', '>', 0)
		.execute();
}

/** Starts `subject` afresh (an account after the right password). */
export async function clearAttempts(
	db: DbOrTx,
	rule: AttemptLimit,
	subject: string
): Promise<void> {
	await db.deleteFrom('attempt_limits').where('key', '=', storedKey(rule, subject)).execute();
}

/**
 * A flood must not fill the audit log: the first refusal of a window is written down, then the
 * 10th, 100th, 1,000th… each with its count.
 */
export function isRefusalWorthRecording(refused: number): boolean {
	return refused >= 1 && Number.isInteger(Math.log10(refused));
}

/** Rows whose window ended long ago count nothing; the retention pass removes them. */
export async function forgetEndedAttemptWindows(
	db: DbOrTx,
	now = Date.now(),
	longestWindowMs = 24 * 60 * 60_000
): Promise<void> {
	await db
		.deleteFrom('attempt_limits')
		.where('window_started_at', '<', now - longestWindowMs)
		.execute();
}
