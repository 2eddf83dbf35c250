import type { Db } from '../db';
import { recordAudit } from '../audit/audit';
import { consumeToken, findUsableToken, issueOneTimeToken } from '../auth/one-time-tokens';
import { hashPassword } from '../auth/password';
import { createStaffUser, emailHasAccount } from '../staff/staff';
import { countOrganizations, createOrganization } from './organizations';

export const SETUP_LINK_TTL_MS = 24 * 60 * 60_000;

/**
 * On an empty database, issues the one-time link that creates the first organization.
 * Any earlier unused setup link stops working, so only the newest printed link is live.
 */
export async function issueSetupLinkIfEmpty(db: Db, now = Date.now()): Promise<string | null> {
	if ((await countOrganizations(db)) > 0) return null;
	await db
		.updateTable('one_time_tokens')
		.set({ revoked_at: now })
		.where('purpose', '=', 'setup')
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.execute();
	const { token } = await issueOneTimeToken(
		db,
		{ purpose: 'setup', ttlMs: SETUP_LINK_TTL_MS },
		now
	);
	return token;
}

export async function isSetupLinkUsable(db: Db, token: string, now = Date.now()): Promise<boolean> {
	return (await findUsableToken(db, 'setup', token, now)) !== null;
}

export interface SetupInput {
	organizationName: string;
	adminName: string;
	email: string;
	password: string;
	timeZone: string;
}

export type SetupResult =
	| { ok: true; organizationId: string; staffId: string }
	| { ok: false; reason: 'link_unusable' | 'email_taken' };

export async function completeSetup(
	db: Db,
	token: string,
	input: SetupInput,
	ip: string | null,
	now = Date.now()
): Promise<SetupResult> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction().execute(async (tx): Promise<SetupResult> => {
		const row = await findUsableToken(tx, 'setup', token, now);
		if (!row) return { ok: false, reason: 'link_unusable' };
		if (await emailHasAccount(tx, input.email)) return { ok: false, reason: 'email_taken' };
		if (!(await consumeToken(tx, row.id, now))) return { ok: false, reason: 'link_unusable' };

		const organization = await createOrganization(tx, input.organizationName, now, input.timeZone);
		const staffId = await createStaffUser(
			tx,
			{
				organizationId: organization.id,
				email: input.email,
				name: input.adminName,
				role: 'admin',
				passwordHash
			},
			now
		);
		await recordAudit(
			tx,
			{
				organizationId: organization.id,
				actorStaffId: staffId,
				action: 'setup.completed',
				targetType: 'organization',
				targetId: organization.id,
				ip
			},
			now
		);
		return { ok: true, organizationId: organization.id, staffId };
	});
}
