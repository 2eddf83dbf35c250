import type { Db } from '../db';
import { recordAudit } from '../audit/audit';
import { findStaffByEmail, normalizeEmail } from '../staff/staff';
import { verifyAgainstDummy, verifyPassword } from './password';
import { createStaffSession, type SessionMeta } from './session';
import { SlidingWindowLimit } from './throttle';
import { findTwoFactor, isEnrolled } from './two-factor';

/** One process, one set of counters: a restart forgets them (README: "Sign-in throttling"). */
export const failuresByIp = new SlidingWindowLimit(10, 10 * 60_000);
export const failuresByAccount = new SlidingWindowLimit(10, 10 * 60_000);

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
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

export async function signIn(
	db: Db,
	credentials: { email: string; password: string },
	meta: SessionMeta,
	now = Date.now()
): Promise<SignInResult> {
	const email = normalizeEmail(credentials.email);
	const ipKey = `ip:${meta.ip ?? 'unknown'}`;
	const accountKey = `account:${email}`;
	const retryAfterMs = Math.max(
		failuresByIp.retryAfterMs(ipKey, now),
		failuresByAccount.retryAfterMs(accountKey, now)
	);
	const staff = await findStaffByEmail(db, email);
	if (retryAfterMs > 0) {
		await recordAudit(db, {
			organizationId: staff?.organization_id ?? null,
			actorStaffId: null,
			action: 'signin.throttled',
			detail: { email },
			ip: meta.ip
		});
		return { ok: false, reason: 'throttled', retryAfterMs };
	}

	const passwordOk = staff
		? await verifyPassword(staff.password_hash, credentials.password)
		: await verifyAgainstDummy(credentials.password);

	if (!staff || !passwordOk || staff.status !== 'active') {
		failuresByIp.record(ipKey, now);
		failuresByAccount.record(accountKey, now);
		await recordAudit(db, {
			organizationId: staff?.organization_id ?? null,
			actorStaffId: null,
			action: 'signin.failed',
			targetType: staff ? 'staff' : undefined,
			targetId: staff?.id,
			detail: { email },
			ip: meta.ip
		});
		return { ok: false, reason: 'invalid' };
	}

	failuresByAccount.reset(accountKey);
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
