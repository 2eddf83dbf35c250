import type { Db } from '../db';
import type { Organization } from '../db/schema';
import { issueOneTimeToken } from '../auth/one-time-tokens';
import { createOrganization } from './organizations';
import { SETUP_LINK_TTL_MS } from './setup';

/**
 * An installation that hosts several agencies: the operator creates each organization, and its
 * first administrator finishes setting it up from a one-time link, as on a first run.
 */
export async function createHostedOrganization(
	db: Db,
	name: string,
	timeZone: string | undefined,
	now = Date.now()
): Promise<{ organization: Organization; token: string }> {
	return db.transaction().execute(async (tx) => {
		const organization = await createOrganization(tx, name, now, timeZone);
		const { token } = await issueOneTimeToken(
			tx,
			{ purpose: 'setup', ttlMs: SETUP_LINK_TTL_MS, organizationId: organization.id },
			now
		);
		return { organization, token };
	});
}

export type SetupLinkResult =
	| { ok: true; organization: Organization; token: string }
	| { ok: false; reason: 'not_found' | 'has_staff' };

/**
 * A new setup link for an organization nobody has joined yet (the first one expired or was
 * lost); earlier unused links for it stop working. Once it has staff, its administrators invite.
 */
export async function reissueSetupLink(
	db: Db,
	organizationId: string,
	now = Date.now()
): Promise<SetupLinkResult> {
	return db.transaction().execute(async (tx): Promise<SetupLinkResult> => {
		const organization = await tx
			.selectFrom('organizations')
			.select([
				'id',
				'name',
				'default_language',
				'retention_months',
				'require_two_factor',
				'time_zone',
				'created_at'
			])
			.where('id', '=', organizationId)
			.executeTakeFirst();
		if (!organization) return { ok: false, reason: 'not_found' };
		const staff = await tx
			.selectFrom('staff_users')
			.select('id')
			.where('organization_id', '=', organizationId)
			.executeTakeFirst();
		if (staff) return { ok: false, reason: 'has_staff' };
		await tx
			.updateTable('one_time_tokens')
			.set({ revoked_at: now })
			.where('purpose', '=', 'setup')
			.where('organization_id', '=', organizationId)
			.where('used_at', 'is', null)
			.where('revoked_at', 'is', null)
			.execute();
		const { token } = await issueOneTimeToken(
			tx,
			{ purpose: 'setup', ttlMs: SETUP_LINK_TTL_MS, organizationId },
			now
		);
		return { ok: true, organization, token };
	});
}
