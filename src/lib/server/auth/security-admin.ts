import type { Db, DbOrTx } from '../db';
import type { StaffUserRow } from '../db/schema';
import { recordAudit, type AuditAction } from '../audit/audit';
import { getStaffMember, type StaffMember } from '../staff/staff';
import { invalidateStaffSessions, sessionHasExpired } from './session';
import { findTwoFactor, isEnrolled, removeTwoFactor } from './two-factor';

export type SecurityChangeResult = 'ok' | 'not_found' | 'self';

/** What an administrator sees about another staff member's sign-in. */
export interface StaffSecurity {
	member: StaffMember;
	twoFactorEnrolledAt: number | null;
	activeSessions: number;
	lastSeenAt: number | null;
}

export async function getStaffSecurity(
	db: DbOrTx,
	admin: StaffUserRow,
	staffId: string,
	now = Date.now()
): Promise<StaffSecurity | null> {
	const member = await getStaffMember(db, admin.organization_id, staffId);
	if (!member) return null;
	const [twoFactor, sessions] = await Promise.all([
		findTwoFactor(db, member.id),
		db.selectFrom('sessions').selectAll().where('staff_user_id', '=', member.id).execute()
	]);
	const live = sessions.filter((session) => !sessionHasExpired(session, now));
	return {
		member,
		twoFactorEnrolledAt: twoFactor?.enrolled_at ?? null,
		activeSessions: live.length,
		lastSeenAt: live.length ? Math.max(...live.map((s) => s.last_verified_at)) : null
	};
}

/** Ids of the organization's staff who sign in with an authenticator app. */
export async function listStaffWithTwoFactor(
	db: DbOrTx,
	organizationId: string
): Promise<string[]> {
	const rows = await db
		.selectFrom('staff_two_factor')
		.innerJoin('staff_users', 'staff_users.id', 'staff_two_factor.staff_user_id')
		.select('staff_users.id')
		.where('staff_users.organization_id', '=', organizationId)
		.where('staff_two_factor.enrolled_at', 'is not', null)
		.execute();
	return rows.map((row) => row.id);
}

/** Another staff member of the same organization: people manage their own on the account page. */
async function changeOtherStaff(
	db: Db,
	admin: StaffUserRow,
	staffId: string,
	action: AuditAction,
	ip: string | null,
	change: (tx: DbOrTx, staffId: string) => Promise<void>
): Promise<SecurityChangeResult> {
	return db.transaction().execute(async (tx) => {
		const target = await getStaffMember(tx, admin.organization_id, staffId);
		if (!target) return 'not_found';
		if (target.id === admin.id) return 'self';
		await change(tx, target.id);
		await recordAudit(tx, {
			organizationId: admin.organization_id,
			actorStaffId: admin.id,
			action,
			targetType: 'staff',
			targetId: target.id,
			ip
		});
		return 'ok';
	});
}

/**
 * For a lost phone: the app and recovery codes are forgotten and every session ends, so the
 * person signs in again with the password and sets up an app anew if the organization requires it.
 */
export function resetStaffTwoFactor(
	db: Db,
	admin: StaffUserRow,
	staffId: string,
	ip: string | null
): Promise<SecurityChangeResult> {
	return changeOtherStaff(db, admin, staffId, 'two_factor.reset', ip, async (tx, id) => {
		await removeTwoFactor(tx, id);
		await invalidateStaffSessions(tx, id);
	});
}

export function endStaffSessions(
	db: Db,
	admin: StaffUserRow,
	staffId: string,
	ip: string | null
): Promise<SecurityChangeResult> {
	return changeOtherStaff(db, admin, staffId, 'sessions.ended_all', ip, (tx, id) =>
		invalidateStaffSessions(tx, id)
	);
}

export type RequireTwoFactorResult = 'ok' | 'admin_not_enrolled';

/** An administrator sets up their own app first, so turning this on never locks them out. */
export async function setTwoFactorRequired(
	db: Db,
	admin: StaffUserRow,
	required: boolean,
	ip: string | null
): Promise<RequireTwoFactorResult> {
	if (required && !isEnrolled(await findTwoFactor(db, admin.id))) return 'admin_not_enrolled';
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('organizations')
			.set({ require_two_factor: required ? 1 : 0 })
			.where('id', '=', admin.organization_id)
			.execute();
		await recordAudit(tx, {
			organizationId: admin.organization_id,
			actorStaffId: admin.id,
			action: 'organization.settings_changed',
			targetType: 'organization',
			targetId: admin.organization_id,
			detail: { requireTwoFactor: required },
			ip
		});
	});
	return 'ok';
}
