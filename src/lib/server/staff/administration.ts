import type { Db } from '../db';
import type { StaffRole, StaffStatus, StaffUserRow } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { changeStaffRole, getStaffMember, setStaffStatus } from './staff';

export type AdminChangeResult = 'ok' | 'not_found' | 'self';

type Change = { kind: 'role'; role: StaffRole } | { kind: 'status'; status: StaffStatus };

/**
 * An administrator changes another staff member of the same organization. Nobody changes
 * their own role or status, so an organization cannot lock itself out by accident.
 */
export async function changeStaffMember(
	db: Db,
	admin: StaffUserRow,
	staffId: string,
	change: Change,
	ip: string | null
): Promise<AdminChangeResult> {
	return db.transaction().execute(async (tx) => {
		const target = await getStaffMember(tx, admin.organization_id, staffId);
		if (!target) return 'not_found';
		if (target.id === admin.id) return 'self';
		if (change.kind === 'role') {
			await changeStaffRole(tx, target.id, change.role);
		} else {
			await setStaffStatus(tx, target.id, change.status);
		}
		await recordAudit(tx, {
			organizationId: admin.organization_id,
			actorStaffId: admin.id,
			action:
				change.kind === 'role'
					? 'staff.role_changed'
					: change.status === 'disabled'
						? 'staff.disabled'
						: 'staff.enabled',
			targetType: 'staff',
			targetId: target.id,
			detail: change.kind === 'role' ? { from: target.role, to: change.role } : undefined,
			ip
		});
		return 'ok';
	});
}
