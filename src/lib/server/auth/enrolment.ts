import type { Db } from '../db';
import type { StaffUserRow } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { verifyPassword } from './password';
import { replaceRecoveryCodes } from './recovery-codes';
import { checkTotpCode } from './totp';
import {
	findTwoFactor,
	isEnrolled,
	isTwoFactorRequired,
	markSessionVerified,
	readTotpKey,
	removeTwoFactor
} from './two-factor';

export type ConfirmEnrolmentResult =
	{ ok: true; recoveryCodes: string[] } | { ok: false; reason: 'wrong' | 'not_started' };

/**
 * The first code from the app proves it was set up. From then on every sign-in asks for a code;
 * this session counts as verified, the person's other sessions wait for a code.
 */
export async function confirmEnrolment(
	db: Db,
	staff: StaffUserRow,
	sessionId: string,
	code: string,
	ip: string | null,
	now = Date.now()
): Promise<ConfirmEnrolmentResult> {
	return db.transaction().execute(async (tx) => {
		const row = await findTwoFactor(tx, staff.id);
		if (!row || isEnrolled(row)) return { ok: false, reason: 'not_started' };
		const check = checkTotpCode(readTotpKey(row), code, now, null);
		if (!check.ok) return { ok: false, reason: 'wrong' };
		await tx
			.updateTable('staff_two_factor')
			.set({ enrolled_at: now, last_used_step: check.step })
			.where('staff_user_id', '=', staff.id)
			.execute();
		await markSessionVerified(tx, sessionId, now);
		const recoveryCodes = await replaceRecoveryCodes(tx, staff.id, now);
		await recordAudit(
			tx,
			{
				organizationId: staff.organization_id,
				actorStaffId: staff.id,
				action: 'two_factor.enrolled',
				targetType: 'staff',
				targetId: staff.id,
				ip
			},
			now
		);
		return { ok: true, recoveryCodes };
	});
}

/** New codes for someone with an app; every earlier code stops working. Null without an app. */
export async function replaceOwnRecoveryCodes(
	db: Db,
	staff: StaffUserRow,
	ip: string | null,
	now = Date.now()
): Promise<string[] | null> {
	return db.transaction().execute(async (tx) => {
		if (!isEnrolled(await findTwoFactor(tx, staff.id))) return null;
		const codes = await replaceRecoveryCodes(tx, staff.id, now);
		await recordAudit(
			tx,
			{
				organizationId: staff.organization_id,
				actorStaffId: staff.id,
				action: 'recovery_codes.replaced',
				targetType: 'staff',
				targetId: staff.id,
				ip
			},
			now
		);
		return codes;
	});
}

export type TurnOffResult = 'ok' | 'wrong_password' | 'required' | 'not_enrolled';

/** Asks for the password again: a session left open on a shared computer is not enough. */
export async function turnOffTwoFactor(
	db: Db,
	staff: StaffUserRow,
	password: string,
	ip: string | null
): Promise<TurnOffResult> {
	if (await isTwoFactorRequired(db, staff.organization_id)) return 'required';
	if (!isEnrolled(await findTwoFactor(db, staff.id))) return 'not_enrolled';
	if (!(await verifyPassword(staff.password_hash, password))) return 'wrong_password';
	await db.transaction().execute(async (tx) => {
		await removeTwoFactor(tx, staff.id);
		await recordAudit(tx, {
			organizationId: staff.organization_id,
			actorStaffId: staff.id,
			action: 'two_factor.disabled',
			targetType: 'staff',
			targetId: staff.id,
			ip
		});
	});
	return 'ok';
}
