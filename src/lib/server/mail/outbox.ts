import type { DbOrTx } from '../db';
import { skippingLockedRows } from '../db/engine';
import type { OutboxMessage } from '../db/schema';
import { generateId } from '../util/ids';
import { redactLinks } from './compose';

export const MAX_ATTEMPTS = 6;

/** Waits 1, 2, 4, 8, 16 minutes between tries. */
export function retryDelayMs(attempts: number): number {
	return 60_000 * 2 ** Math.max(0, attempts - 1);
}

export interface NewMessage {
	organizationId: string;
	participantId: string | null;
	roundId: string | null;
	kind: 'invitation' | 'reminder';
	to: string;
	subject: string;
	body: string;
}

export async function enqueueMessage(
	db: DbOrTx,
	message: NewMessage,
	now = Date.now()
): Promise<string> {
	const id = generateId();
	await db
		.insertInto('outbox')
		.values({
			id,
			organization_id: message.organizationId,
			participant_id: message.participantId,
			round_id: message.roundId,
			kind: message.kind,
			to_address: message.to,
			subject: message.subject,
			body: message.body,
			status: 'pending',
			next_attempt_at: now,
			sent_at: null,
			last_error: null,
			created_at: now
		})
		.execute();
	return id;
}

/** How long a claimed message is left to its sender before another process may try it. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Claims the oldest due message for this process, or none: each message goes to exactly one of
 * several processes (servers' schedulers, cron runs) looking at the same moment, and is theirs
 * for CLAIM_LEASE_MS. One statement: the claim is the update itself.
 */
export async function claimNextMessage(
	db: DbOrTx,
	now = Date.now()
): Promise<OutboxMessage | undefined> {
	return db
		.updateTable('outbox')
		.set({ next_attempt_at: now + CLAIM_LEASE_MS })
		.where('id', '=', (eb) =>
			skippingLockedRows(
				db,
				eb
					.selectFrom('outbox')
					.select('id')
					.where('status', '=', 'pending')
					.where('next_attempt_at', '<=', now)
					.orderBy('created_at')
					.orderBy('id')
					.limit(1)
			)
		)
		.where('status', '=', 'pending')
		.where('next_attempt_at', '<=', now)
		.returningAll()
		.executeTakeFirst();
}

/** Delivered: the stored copy loses its personal link. */
export async function markSent(
	db: DbOrTx,
	message: OutboxMessage,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('outbox')
		.set({
			status: 'sent',
			sent_at: now,
			body: redactLinks(message.body),
			last_error: null,
			attempts: message.attempts + 1
		})
		.where('id', '=', message.id)
		.execute();
}

export async function markFailed(
	db: DbOrTx,
	message: OutboxMessage,
	error: string,
	now = Date.now()
): Promise<void> {
	const attempts = message.attempts + 1;
	await db
		.updateTable('outbox')
		.set({
			attempts,
			last_error: error.slice(0, 500),
			status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
			next_attempt_at: now + retryDelayMs(attempts)
		})
		.where('id', '=', message.id)
		.execute();
}

export async function listOutbox(
	db: DbOrTx,
	organizationId: string,
	roundId: string | null = null,
	limit = 500
): Promise<OutboxMessage[]> {
	let query = db.selectFrom('outbox').selectAll().where('organization_id', '=', organizationId);
	if (roundId) query = query.where('round_id', '=', roundId);
	return query.orderBy('created_at', 'desc').limit(limit).execute();
}
