import type { Db } from '../db';
import { recordAudit } from '../audit/audit';
import { countUnusedRecoveryCodes, useRecoveryCode } from './recovery-codes';
import type { ValidSession } from './session';
import {
	clearAttempts,
	isRefusalWorthRecording,
	releaseAttempt,
	reserveAttempts,
	type AttemptLimit
} from './attempt-limit';
import { checkTotpCode } from './totp';
import {
	claimTotpStep,
	findTwoFactor,
	isEnrolled,
	markSessionVerified,
	readTotpKey
} from './two-factor';

const MINUTE = 60_000;
/** A 6-digit code has a million values: five wrong tries per quarter hour per account. */
export const SECOND_FACTOR_BY_ACCOUNT: AttemptLimit = {
	name: 'two_factor.account',
	limit: 5,
	windowMs: 15 * MINUTE
};
export const SECOND_FACTOR_BY_ADDRESS: AttemptLimit = {
	name: 'two_factor.address',
	limit: 20,
	windowMs: 15 * MINUTE
};

export type SecondFactorAttempt = { method: 'code' | 'recovery_code'; value: string };

export type SecondFactorResult =
	| { ok: true }
	| { ok: false; reason: 'wrong' | 'used' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/** The second sign-in step: a code from the app, or a recovery code (each works once). */
export async function completeSecondFactor(
	db: Db,
	pending: ValidSession,
	attempt: SecondFactorAttempt,
	ip: string | null,
	now = Date.now()
): Promise<SecondFactorResult> {
	const { staff, session } = pending;
	const audit = { organizationId: staff.organization_id, actorStaffId: staff.id, ip };
	const reservation = await reserveAttempts(
		db,
		[
			[SECOND_FACTOR_BY_ADDRESS, ip ?? 'unknown'],
			[SECOND_FACTOR_BY_ACCOUNT, staff.id]
		],
		now
	);
	if (!reservation.allowed) {
		if (isRefusalWorthRecording(reservation.refused)) {
			const detail = { step: 'two_factor', refused: reservation.refused };
			await recordAudit(db, { ...audit, action: 'signin.throttled', detail }, now);
		}
		return { ok: false, reason: 'throttled', retryAfterMs: reservation.retryAfterMs };
	}

	const outcome = await db.transaction().execute(async (tx) => {
		const row = await findTwoFactor(tx, staff.id);
		if (!isEnrolled(row)) return 'wrong' as const;
		if (attempt.method === 'recovery_code') {
			if (!(await useRecoveryCode(tx, staff.id, attempt.value, now))) return 'wrong' as const;
			const remaining = await countUnusedRecoveryCodes(tx, staff.id);
			await recordAudit(tx, { ...audit, action: 'recovery_code.used', detail: { remaining } }, now);
		} else {
			const check = checkTotpCode(readTotpKey(row), attempt.value, now, row.last_used_step);
			if (!check.ok) return check.reason;
			if (!(await claimTotpStep(tx, staff.id, check.step))) return 'used' as const;
			await recordAudit(tx, { ...audit, action: 'two_factor.verified' }, now);
		}
		await markSessionVerified(tx, session.id, now);
		return 'ok' as const;
	});

	if (outcome === 'ok') {
		await clearAttempts(db, SECOND_FACTOR_BY_ACCOUNT, staff.id);
		await releaseAttempt(db, reservation.reserved[0]!);
		return { ok: true };
	}
	await recordAudit(
		db,
		{ ...audit, action: 'two_factor.failed', detail: { method: attempt.method, reason: outcome } },
		now
	);
	return { ok: false, reason: outcome };
}
