import type { Db, DbOrTx } from '../db';
import type { StaffRole } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { consumeToken, findUsableToken, issueOneTimeToken } from '../auth/one-time-tokens';
import { createStaffUser, emailHasAccount, normalizeEmail } from './staff';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export interface PendingInvitation {
	id: string;
	email: string;
	name: string;
	role: StaffRole;
	expiresAt: number;
}

export interface Invitation {
	tokenId: string;
	organizationId: string;
	organizationName: string;
	email: string;
	name: string;
	role: StaffRole;
}

export interface InviteInput {
	organizationId: string;
	invitedBy: string;
	email: string;
	name: string;
	role: StaffRole;
}

/** A new invitation to the same address replaces the pending one. */
export async function inviteStaff(
	db: Db,
	input: InviteInput,
	ip: string | null,
	now = Date.now()
): Promise<{ ok: true; token: string } | { ok: false; reason: 'email_taken' }> {
	const email = normalizeEmail(input.email);
	return db.transaction().execute(async (tx) => {
		if (await emailHasAccount(tx, email)) return { ok: false, reason: 'email_taken' } as const;
		await tx
			.updateTable('one_time_tokens')
			.set({ revoked_at: now })
			.where('purpose', '=', 'invitation')
			.where('email', '=', email)
			.where('used_at', 'is', null)
			.where('revoked_at', 'is', null)
			.execute();
		const { token, row } = await issueOneTimeToken(
			tx,
			{
				purpose: 'invitation',
				ttlMs: INVITATION_TTL_MS,
				organizationId: input.organizationId,
				email,
				name: input.name,
				role: input.role,
				createdBy: input.invitedBy
			},
			now
		);
		await recordAudit(
			tx,
			{
				organizationId: input.organizationId,
				actorStaffId: input.invitedBy,
				action: 'staff.invited',
				targetType: 'invitation',
				targetId: row.id,
				detail: { email, role: input.role },
				ip
			},
			now
		);
		return { ok: true, token } as const;
	});
}

export async function listPendingInvitations(
	db: DbOrTx,
	organizationId: string,
	now = Date.now()
): Promise<PendingInvitation[]> {
	const rows = await db
		.selectFrom('one_time_tokens')
		.select(['id', 'email', 'name', 'role', 'expires_at'])
		.where('organization_id', '=', organizationId)
		.where('purpose', '=', 'invitation')
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		email: r.email ?? '',
		name: r.name ?? '',
		role: r.role ?? 'coordinator',
		expiresAt: r.expires_at
	}));
}

/** False when no such pending invitation exists in the administrator's organization. */
export async function revokeInvitation(
	db: Db,
	admin: { id: string; organization_id: string },
	invitationId: string,
	ip: string | null,
	now = Date.now()
): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		const result = await tx
			.updateTable('one_time_tokens')
			.set({ revoked_at: now })
			.where('id', '=', invitationId)
			.where('organization_id', '=', admin.organization_id)
			.where('purpose', '=', 'invitation')
			.where('used_at', 'is', null)
			.where('revoked_at', 'is', null)
			.executeTakeFirst();
		if (result.numUpdatedRows !== 1n) return false;
		await recordAudit(
			tx,
			{
				organizationId: admin.organization_id,
				actorStaffId: admin.id,
				action: 'staff.invitation_revoked',
				targetType: 'invitation',
				targetId: invitationId,
				ip
			},
			now
		);
		return true;
	});
}

export async function findInvitation(
	db: DbOrTx,
	token: string,
	now = Date.now()
): Promise<Invitation | null> {
	const row = await findUsableToken(db, 'invitation', token, now);
	if (!row?.organization_id || !row.email || !row.role) return null;
	const organization = await db
		.selectFrom('organizations')
		.select('name')
		.where('id', '=', row.organization_id)
		.executeTakeFirst();
	if (!organization) return null;
	return {
		tokenId: row.id,
		organizationId: row.organization_id,
		organizationName: organization.name,
		email: row.email,
		name: row.name ?? '',
		role: row.role
	};
}

export type AcceptResult =
	{ ok: true; staffId: string } | { ok: false; reason: 'link_unusable' | 'email_taken' };

export async function acceptInvitation(
	db: Db,
	token: string,
	input: { name: string; passwordHash: string },
	ip: string | null,
	now = Date.now()
): Promise<AcceptResult> {
	return db.transaction().execute(async (tx): Promise<AcceptResult> => {
		const invitation = await findInvitation(tx, token, now);
		if (!invitation) return { ok: false, reason: 'link_unusable' };
		if (await emailHasAccount(tx, invitation.email)) return { ok: false, reason: 'email_taken' };
		if (!(await consumeToken(tx, invitation.tokenId, now)))
			return { ok: false, reason: 'link_unusable' };
		const staffId = await createStaffUser(
			tx,
			{
				organizationId: invitation.organizationId,
				email: invitation.email,
				name: input.name,
				role: invitation.role,
				passwordHash: input.passwordHash
			},
			now
		);
		await recordAudit(
			tx,
			{
				organizationId: invitation.organizationId,
				actorStaffId: staffId,
				action: 'staff.invitation_accepted',
				targetType: 'staff',
				targetId: staffId,
				ip
			},
			now
		);
		return { ok: true, staffId };
	});
}
