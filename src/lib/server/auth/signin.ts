import type { Db } from '../db';
import { recordAudit } from '../audit/audit';
import { findStaffByEmail, normalizeEmail } from '../staff/staff';
import { verifyAgainstDummy, verifyPassword } from './password';
import { passwordQueueIsFull, reservePasswordSlot, type PasswordSlot } from './password-work';
import { createStaffSession, type SessionMeta } from './session';
import {
	clearAttempts,
	isRefusalWorthRecording,
	releaseAttempt,
	reserveAttempts,
	type AttemptLimit,
	type Refused,
	type Reserved
} from './attempt-limit';
import { findTwoFactor, isEnrolled } from './two-factor';

/** Ten password checks per address and per account in ten minutes (README: "Sign-in limits"). */
export const SIGN_IN_BY_ADDRESS: AttemptLimit = {
	name: 'signin.address',
	limit: 10,
	windowMs: 10 * 60_000
};
export const SIGN_IN_BY_ACCOUNT: AttemptLimit = {
	name: 'signin.account',
	limit: 10,
	windowMs: 10 * 60_000
};

export type SignInResult =
	| {
			ok: true;
			token: string;
			staffId: string;
			language: string | null;
			/** The session waits for a code from the person's authenticator app. */
			secondFactorRequired: boolean;
	  }
	| { ok: false; reason: 'invalid' }
	/** Too many password checks under way in this server: nothing was checked or counted. */
	| { ok: false; reason: 'busy' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

export async function signIn(
	db: Db,
	credentials: { email: string; password: string },
	meta: SessionMeta,
	now = Date.now()
): Promise<SignInResult> {
	// In a flood, turned away before anything is written (the queue is checked again below).
	if (passwordQueueIsFull()) return { ok: false, reason: 'busy' };
	const email = normalizeEmail(credentials.email);
	const reservation = await reserveAttempts(
		db,
		[
			[SIGN_IN_BY_ADDRESS, meta.ip ?? 'unknown'],
			[SIGN_IN_BY_ACCOUNT, email]
		],
		now
	);
	if (!reservation.allowed) return refuse(db, reservation, email, meta, now);
	// Then a place for the password check: in a flood, turned away before it costs anything, and
	// the attempt given back, as it was not made.
	const slot = reservePasswordSlot();
	if (!slot) {
		for (const reserved of reservation.reserved) await releaseAttempt(db, reserved);
		return { ok: false, reason: 'busy' };
	}
	try {
		return await checkAndSignIn(db, email, credentials.password, meta, now, {
			reserved: reservation.reserved,
			slot
		});
	} finally {
		slot.release();
	}
}

async function checkAndSignIn(
	db: Db,
	email: string,
	password: string,
	meta: SessionMeta,
	now: number,
	{ reserved, slot }: { reserved: Reserved[]; slot: PasswordSlot }
): Promise<SignInResult> {
	const staff = await findStaffByEmail(db, email);
	const passwordOk = staff
		? await verifyPassword(staff.password_hash, password, slot)
		: await verifyAgainstDummy(password, slot);

	if (!staff || !passwordOk || staff.status !== 'active') {
		await recordAudit(
			db,
			{
				organizationId: staff?.organization_id ?? null,
				actorStaffId: null,
				action: 'signin.failed',
				targetType: staff ? 'staff' : undefined,
				targetId: staff?.id,
				detail: { email },
				ip: meta.ip
			},
			now
		);
		return { ok: false, reason: 'invalid' };
	}

	await clearAttempts(db, SIGN_IN_BY_ACCOUNT, email);
	await releaseAttempt(db, reserved[0]!);
	const { token } = await createStaffSession(db, staff.id, meta, now);
	await recordAudit(db, {
		organizationId: staff.organization_id,
		actorStaffId: staff.id,
		action: 'signin.succeeded',
		ip: meta.ip
	});
	const secondFactorRequired = isEnrolled(await findTwoFactor(db, staff.id));
	return { ok: true, token, staffId: staff.id, language: staff.language, secondFactorRequired };
}

async function refuse(
	db: Db,
	refusal: Refused,
	email: string,
	meta: SessionMeta,
	now: number
): Promise<SignInResult> {
	if (isRefusalWorthRecording(refusal.refused)) {
		const staff = await findStaffByEmail(db, email);
		await recordAudit(
			db,
			{
				organizationId: staff?.organization_id ?? null,
				actorStaffId: null,
				action: 'signin.throttled',
				detail: { email, refused: refusal.refused },
				ip: meta.ip
			},
			now
		);
	}
	return { ok: false, reason: 'throttled', retryAfterMs: refusal.retryAfterMs };
}
