import type { Db, DbOrTx } from '../db';
import { recordAudit } from '../audit/audit';
import { consumeToken, findUsableToken, issueOneTimeToken } from '../auth/one-time-tokens';
import { hashPassword } from '../auth/password';
import { createStaffUser, emailHasAccount } from '../staff/staff';
import type { Organization } from '../db/schema';
import { countOrganizations, createOrganization, getOrganization } from './organizations';

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
		.where('organization_id', 'is', null)
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

/**
 * What a usable setup link sets up: a new organization (first run), or the one an operator created
 * for it (`npm run org:create`), named. Null when the link does not work.
 */
export async function setupLinkTarget(
	db: Db,
	token: string,
	now = Date.now()
): Promise<{ organizationName: string | null } | null> {
	const row = await findUsableToken(db, 'setup', token, now);
	if (!row) return null;
	if (!row.organization_id) return { organizationName: null };
	const organization = await getOrganization(db, row.organization_id);
	return organization ? { organizationName: organization.name } : null;
}

export interface SetupInput {
	/** Ignored when the link is for an organization the operator already created. */
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

		const organization = row.organization_id
			? await joinCreatedOrganization(tx, row.organization_id, input.timeZone)
			: await createOrganization(tx, input.organizationName, now, input.timeZone);
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

/** The organization an operator created keeps its name; its administrator picks its time zone. */
async function joinCreatedOrganization(
	tx: DbOrTx,
	organizationId: string,
	timeZone: string
): Promise<Organization> {
	const organization = await getOrganization(tx, organizationId);
	if (!organization) throw new Error(`Organization ${organizationId} is gone`);
	await tx
		.updateTable('organizations')
		.set({ time_zone: timeZone })
		.where('id', '=', organizationId)
		.execute();
	return { ...organization, time_zone: timeZone };
}
