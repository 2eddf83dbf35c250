import type { Db, DbOrTx } from '../db';
import type { StaffUserRow } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { invalidateStaffSessions, sessionHasExpired } from './session';
import { staffAccessFor } from './staff-access';
import { describeUserAgent, type Device } from './user-agent';

/** One signed-in device as its owner sees it: never the secret hash. */
export interface ActiveSession {
	id: string;
	device: Device;
	ip: string | null;
	signedInAt: number;
	lastSeenAt: number;
	current: boolean;
	/** The password was right but the app code was never given: maybe not the owner. */
	waitingForCode: boolean;
}

export async function listActiveSessions(
	db: DbOrTx,
	staffId: string,
	currentSessionId: string | null,
	now = Date.now()
): Promise<ActiveSession[]> {
	const [rows, twoFactor] = await Promise.all([
		db
			.selectFrom('sessions')
			.selectAll()
			.where('staff_user_id', '=', staffId)
			.orderBy('last_verified_at', 'desc')
			.execute(),
		db
			.selectFrom('staff_two_factor')
			.select('enrolled_at')
			.where('staff_user_id', '=', staffId)
			.executeTakeFirst()
	]);
	const enrolledAt = twoFactor?.enrolled_at ?? null;
	// This device first, then the most recently used.
	const ordered = rows.toSorted(
		(a, b) => Number(b.id === currentSessionId) - Number(a.id === currentSessionId)
	);
	return ordered
		.filter((row) => !sessionHasExpired(row, now))
		.map((row) => ({
			id: row.id,
			device: describeUserAgent(row.user_agent),
			ip: row.ip,
			signedInAt: row.created_at,
			lastSeenAt: row.last_verified_at,
			current: row.id === currentSessionId,
			waitingForCode: staffAccessFor(row, enrolledAt, false) === 'second_factor_pending'
		}));
}

/** Ends one of the person's own sessions other than this one; false when there is no such session. */
export async function endOwnSession(
	db: Db,
	staff: StaffUserRow,
	sessionId: string,
	currentSessionId: string,
	ip: string | null
): Promise<boolean> {
	if (sessionId === currentSessionId) return false;
	return db.transaction().execute(async (tx) => {
		const result = await tx
			.deleteFrom('sessions')
			.where('id', '=', sessionId)
			.where('staff_user_id', '=', staff.id)
			.executeTakeFirst();
		if (result.numDeletedRows !== 1n) return false;
		await recordAudit(tx, {
			organizationId: staff.organization_id,
			actorStaffId: staff.id,
			action: 'session.ended',
			targetType: 'staff',
			targetId: staff.id,
			ip
		});
		return true;
	});
}

export async function endOtherOwnSessions(
	db: Db,
	staff: StaffUserRow,
	currentSessionId: string,
	ip: string | null
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		await invalidateStaffSessions(tx, staff.id, currentSessionId);
		await recordAudit(tx, {
			organizationId: staff.organization_id,
			actorStaffId: staff.id,
			action: 'sessions.ended_all',
			targetType: 'staff',
			targetId: staff.id,
			detail: { keptCurrent: true },
			ip
		});
	});
}
