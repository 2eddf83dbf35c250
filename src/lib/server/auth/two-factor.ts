import type { DbOrTx } from '../db';
import type { StaffTwoFactorRow } from '../db/schema';
import { openKey, sealKey, sealingKeyFromEnv } from './key-sealing';
import { generateTotpKey } from './totp';

export async function findTwoFactor(
	db: DbOrTx,
	staffId: string
): Promise<StaffTwoFactorRow | null> {
	const row = await db
		.selectFrom('staff_two_factor')
		.selectAll()
		.where('staff_user_id', '=', staffId)
		.executeTakeFirst();
	return row ?? null;
}

export function isEnrolled(row: StaffTwoFactorRow | null): row is StaffTwoFactorRow {
	return row?.enrolled_at != null;
}

export function readTotpKey(row: StaffTwoFactorRow): Uint8Array {
	return openKey(row.sealed_key, row.staff_user_id, sealingKeyFromEnv());
}

/**
 * The key being set up, or null when the app is already confirmed. It stays the same until
 * confirmed, so reloading the page or switching language does not change the QR code.
 */
export async function enrolmentKey(
	db: DbOrTx,
	staffId: string,
	now = Date.now()
): Promise<Uint8Array | null> {
	const existing = await findTwoFactor(db, staffId);
	if (isEnrolled(existing)) return null;
	if (existing) return readTotpKey(existing);
	const key = generateTotpKey();
	await db
		.insertInto('staff_two_factor')
		.values({
			staff_user_id: staffId,
			sealed_key: sealKey(key, staffId, sealingKeyFromEnv()),
			created_at: now,
			enrolled_at: null,
			last_used_step: null
		})
		.onConflict((conflict) => conflict.column('staff_user_id').doNothing())
		.execute();
	// Another request may have started the same enrolment a moment earlier: its key wins.
	const stored = await findTwoFactor(db, staffId);
	return stored && !isEnrolled(stored) ? readTotpKey(stored) : null;
}

/** Records that a step's code was used; false when another request used it (or a later one) first. */
export async function claimTotpStep(db: DbOrTx, staffId: string, step: number): Promise<boolean> {
	const result = await db
		.updateTable('staff_two_factor')
		.set({ last_used_step: step })
		.where('staff_user_id', '=', staffId)
		.where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
		.executeTakeFirst();
	return result.numUpdatedRows === 1n;
}

export async function markSessionVerified(
	db: DbOrTx,
	sessionId: string,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('sessions')
		.set({ two_factor_verified_at: now })
		.where('id', '=', sessionId)
		.execute();
}

/** Forgets the app and the recovery codes. */
export async function removeTwoFactor(db: DbOrTx, staffId: string): Promise<void> {
	await db.deleteFrom('staff_recovery_codes').where('staff_user_id', '=', staffId).execute();
	await db.deleteFrom('staff_two_factor').where('staff_user_id', '=', staffId).execute();
}

export async function isTwoFactorRequired(db: DbOrTx, organizationId: string): Promise<boolean> {
	const row = await db
		.selectFrom('organizations')
		.select('require_two_factor')
		.where('id', '=', organizationId)
		.executeTakeFirst();
	return row?.require_two_factor === 1;
}
