import type { DbOrTx } from '../db';
import type { OneTimeTokenPurpose, OneTimeTokenRow, StaffRole } from '../db/schema';
import { generateId } from '../util/ids';
import { generateSecret, hashSecret } from './tokens';

export interface TokenDetails {
	purpose: OneTimeTokenPurpose;
	ttlMs: number;
	organizationId?: string | null;
	email?: string | null;
	name?: string | null;
	role?: StaffRole | null;
	createdBy?: string | null;
}

/** Returns the token for the link; only its hash is stored. */
export async function issueOneTimeToken(
	db: DbOrTx,
	details: TokenDetails,
	now = Date.now()
): Promise<{ token: string; row: OneTimeTokenRow }> {
	const token = generateSecret();
	const row: OneTimeTokenRow = {
		id: generateId(),
		token_hash: hashSecret(token),
		purpose: details.purpose,
		organization_id: details.organizationId ?? null,
		email: details.email ?? null,
		name: details.name ?? null,
		role: details.role ?? null,
		created_by: details.createdBy ?? null,
		created_at: now,
		expires_at: now + details.ttlMs,
		used_at: null,
		revoked_at: null
	};
	await db.insertInto('one_time_tokens').values(row).execute();
	return { token, row };
}

/** A token that exists, has this purpose, is not used, revoked or expired. */
export async function findUsableToken(
	db: DbOrTx,
	purpose: OneTimeTokenPurpose,
	token: string,
	now = Date.now()
): Promise<OneTimeTokenRow | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const row = await db
		.selectFrom('one_time_tokens')
		.selectAll()
		.where('token_hash', '=', hashSecret(token))
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return row ?? null;
}

/** Marks the token used; false when another request used it first. */
export async function consumeToken(
	db: DbOrTx,
	tokenId: string,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.updateTable('one_time_tokens')
		.set({ used_at: now })
		.where('id', '=', tokenId)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows === 1n;
}
