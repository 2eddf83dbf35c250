import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { DbOrTx } from '../db';
import { generateId } from '../util/ids';
import { hashSecret } from './tokens';

export const RECOVERY_CODE_COUNT = 10;
const CODE_PATTERN = /^[a-z2-7]{16}$/;

/** 80 random bits, shown as four groups of four: easy to copy on paper. */
export function generateRecoveryCode(): string {
	const raw = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
	return raw.match(/.{4}/g)!.join('-');
}

/** What people type: any case, with or without the dashes and spaces. */
export function normalizeRecoveryCode(input: string): string | null {
	const code = input.toLowerCase().replace(/[\s-]/g, '');
	return CODE_PATTERN.test(code) ? code : null;
}

/** Replaces every earlier code; the new ones are returned to be shown once, only hashes stay. */
export async function replaceRecoveryCodes(
	db: DbOrTx,
	staffId: string,
	now = Date.now()
): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
	await db.deleteFrom('staff_recovery_codes').where('staff_user_id', '=', staffId).execute();
	await db
		.insertInto('staff_recovery_codes')
		.values(
			codes.map((code) => ({
				id: generateId(),
				staff_user_id: staffId,
				code_hash: hashSecret(normalizeRecoveryCode(code)!),
				created_at: now,
				used_at: null
			}))
		)
		.execute();
	return codes;
}

/** True once per code: the update only succeeds while the code is unused. */
export async function useRecoveryCode(
	db: DbOrTx,
	staffId: string,
	input: string,
	now = Date.now()
): Promise<boolean> {
	const code = normalizeRecoveryCode(input);
	if (!code) return false;
	const result = await db
		.updateTable('staff_recovery_codes')
		.set({ used_at: now })
		.where('staff_user_id', '=', staffId)
		.where('code_hash', '=', hashSecret(code))
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows === 1n;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, staffId: string): Promise<number> {
	const { count } = await db
		.selectFrom('staff_recovery_codes')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('staff_user_id', '=', staffId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(count);
}
