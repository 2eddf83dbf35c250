import type { DbOrTx } from '../db';
import type { Participant, SessionRow, StaffUserRow } from '../db/schema';
import { describeStorageFailure, isStorageFailure } from '../db/storage-failure';
import { generateSecret, hashSecret, secretMatchesHash } from './tokens';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A session ends after this long without a request (README: "How sessions expire"). */
export const INACTIVITY_TIMEOUT_MS = 12 * HOUR;
/** …and at the latest this long after sign-in, however active. */
export const ABSOLUTE_LIFETIME_MS = 7 * 24 * HOUR;
/** last_verified_at is written at most this often, to keep reads cheap. */
export const ACTIVITY_WRITE_INTERVAL_MS = 5 * MINUTE;

export interface SessionMeta {
	userAgent: string | null;
	ip: string | null;
}

export interface ValidSession {
	session: SessionRow;
	staff: StaffUserRow;
}

/** A participant's session is opened by one of their personal links. */
export interface OpenedLink {
	participantId: string;
	linkId: string;
}

type Subject = { staffUserId: string } | OpenedLink;

async function createSession(
	db: DbOrTx,
	subject: Subject,
	meta: SessionMeta,
	now: number
): Promise<{ token: string; session: SessionRow }> {
	const id = generateSecret();
	const secret = generateSecret();
	const session: SessionRow = {
		id,
		secret_hash: hashSecret(secret),
		staff_user_id: 'staffUserId' in subject ? subject.staffUserId : null,
		participant_id: 'participantId' in subject ? subject.participantId : null,
		participant_link_id: 'linkId' in subject ? subject.linkId : null,
		created_at: now,
		last_verified_at: now,
		user_agent: meta.userAgent?.slice(0, 300) ?? null,
		ip: meta.ip,
		two_factor_verified_at: null
	};
	await db.insertInto('sessions').values(session).execute();
	return { token: `${id}.${secret}`, session };
}

export function createStaffSession(
	db: DbOrTx,
	staffUserId: string,
	meta: SessionMeta,
	now = Date.now()
) {
	return createSession(db, { staffUserId }, meta, now);
}

/** A participant's session starts when they open their personal link. */
export function createParticipantSession(
	db: DbOrTx,
	link: OpenedLink,
	meta: SessionMeta,
	now = Date.now()
) {
	return createSession(db, link, meta, now);
}

export function sessionHasExpired(session: SessionRow, now: number): boolean {
	return (
		now - session.created_at >= ABSOLUTE_LIFETIME_MS ||
		now - session.last_verified_at >= INACTIVITY_TIMEOUT_MS
	);
}

/** Lucia's design: look up by id, compare the secret's hash in constant time, slide the expiry. */
async function readSession(db: DbOrTx, token: string, now: number): Promise<SessionRow | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;
	const session = await db
		.selectFrom('sessions')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!session || !secretMatchesHash(secret, session.secret_hash)) return null;
	if (sessionHasExpired(session, now)) {
		await invalidateSession(db, id);
		return null;
	}
	if (now - session.last_verified_at >= ACTIVITY_WRITE_INTERVAL_MS) {
		session.last_verified_at = now;
		await recordActivity(db, id, now);
	}
	return session;
}

/**
 * Only extends the session, so a disk that refuses the write does not refuse the request: a
 * survey page being saved then still answers "not saved" and keeps what was typed.
 */
async function recordActivity(db: DbOrTx, sessionId: string, now: number): Promise<void> {
	try {
		await db
			.updateTable('sessions')
			.set({ last_verified_at: now })
			.where('id', '=', sessionId)
			.execute();
	} catch (error) {
		if (!isStorageFailure(error)) throw error;
		console.error(`[tandem] session activity not recorded: ${describeStorageFailure(error)}`);
	}
}

export async function validateSessionToken(
	db: DbOrTx,
	token: string,
	now = Date.now()
): Promise<ValidSession | null> {
	const session = await readSession(db, token, now);
	if (!session?.staff_user_id) return null;
	const staff = await db
		.selectFrom('staff_users')
		.selectAll()
		.where('id', '=', session.staff_user_id)
		.executeTakeFirst();
	if (!staff || staff.status !== 'active') {
		await invalidateSession(db, session.id);
		return null;
	}
	return { session, staff };
}

export interface ValidParticipantSession {
	session: SessionRow;
	participant: Participant;
}

/**
 * A participant's session lasts as long as the link that opened it (not expired, not revoked)
 * and ends when they are withdrawn: the person and the link are read in one query.
 */
export async function validateParticipantSessionToken(
	db: DbOrTx,
	token: string,
	now = Date.now()
): Promise<ValidParticipantSession | null> {
	const session = await readSession(db, token, now);
	if (!session?.participant_id || !session.participant_link_id) return null;
	const participant = await db
		.selectFrom('participants')
		.innerJoin('participant_links', 'participant_links.participant_id', 'participants.id')
		.selectAll('participants')
		.where('participants.id', '=', session.participant_id)
		.where('participant_links.id', '=', session.participant_link_id)
		.where('participant_links.revoked_at', 'is', null)
		.where('participant_links.expires_at', '>', now)
		.executeTakeFirst();
	if (!participant || participant.status !== 'active') {
		await invalidateSession(db, session.id);
		return null;
	}
	return { session, participant };
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function invalidateStaffSessions(
	db: DbOrTx,
	staffUserId: string,
	exceptSessionId: string | null = null
): Promise<void> {
	let query = db.deleteFrom('sessions').where('staff_user_id', '=', staffUserId);
	if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
	await query.execute();
}
