import type { Db } from '../db';
import type { StaffUserRow } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { hashPassword, verifyPassword } from '../auth/password';
import { changeStaffPassword } from './staff';

/** False when the current password is wrong; otherwise other sessions end. */
export async function changeOwnPassword(
	db: Db,
	staff: StaffUserRow,
	sessionId: string,
	input: { current: string; password: string },
	ip: string | null
): Promise<boolean> {
	if (!(await verifyPassword(staff.password_hash, input.current))) return false;
	const passwordHash = await hashPassword(input.password);
	await db.transaction().execute(async (tx) => {
		await changeStaffPassword(tx, staff.id, passwordHash, sessionId);
		await recordAudit(tx, {
			organizationId: staff.organization_id,
			actorStaffId: staff.id,
			action: 'password.changed',
			ip
		});
	});
	return true;
}
