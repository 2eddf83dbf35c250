import type { DbOrTx } from '../db';
import type { StaffRole, StaffStatus } from '../db/schema';
import { invalidateStaffSessions } from '../auth/session';
import { generateId } from '../util/ids';

/** A staff account as pages see it: never the password hash. */
export interface StaffMember {
	id: string;
	organizationId: string;
	email: string;
	name: string;
	role: StaffRole;
	status: StaffStatus;
	language: string | null;
	createdAt: number;
}

const memberColumns = [
	'id',
	'organization_id as organizationId',
	'email',
	'name',
	'role',
	'status',
	'language',
	'created_at as createdAt'
] as const;

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function findStaffByEmail(db: DbOrTx, email: string) {
	return db
		.selectFrom('staff_users')
		.selectAll()
		.where('email', '=', normalizeEmail(email))
		.executeTakeFirst();
}

export async function emailHasAccount(db: DbOrTx, email: string): Promise<boolean> {
	return (await findStaffByEmail(db, email)) !== undefined;
}

export interface NewStaffMember {
	organizationId: string;
	email: string;
	name: string;
	role: StaffRole;
	passwordHash: string;
}

export async function createStaffUser(
	db: DbOrTx,
	input: NewStaffMember,
	now = Date.now()
): Promise<string> {
	const id = generateId();
	await db
		.insertInto('staff_users')
		.values({
			id,
			organization_id: input.organizationId,
			email: normalizeEmail(input.email),
			name: input.name,
			role: input.role,
			password_hash: input.passwordHash,
			language: null,
			created_at: now,
			password_changed_at: now
		})
		.execute();
	return id;
}

/** Null when the id does not exist in this organization: callers answer 404. */
export async function getStaffMember(
	db: DbOrTx,
	organizationId: string,
	staffId: string
): Promise<StaffMember | null> {
	const row = await db
		.selectFrom('staff_users')
		.select(memberColumns)
		.where('organization_id', '=', organizationId)
		.where('id', '=', staffId)
		.executeTakeFirst();
	return row ?? null;
}

export async function listStaff(db: DbOrTx, organizationId: string): Promise<StaffMember[]> {
	return db
		.selectFrom('staff_users')
		.select(memberColumns)
		.where('organization_id', '=', organizationId)
		.orderBy('name')
		.orderBy('id')
		.execute();
}

export async function changeStaffRole(db: DbOrTx, staffId: string, role: StaffRole): Promise<void> {
	await db.updateTable('staff_users').set({ role }).where('id', '=', staffId).execute();
}

/** Disabling ends every session of that person at once. */
export async function setStaffStatus(
	db: DbOrTx,
	staffId: string,
	status: StaffStatus
): Promise<void> {
	await db.updateTable('staff_users').set({ status }).where('id', '=', staffId).execute();
	if (status === 'disabled') await invalidateStaffSessions(db, staffId);
}

export async function setStaffLanguage(
	db: DbOrTx,
	staffId: string,
	language: string
): Promise<void> {
	await db.updateTable('staff_users').set({ language }).where('id', '=', staffId).execute();
}

/** A new password ends the person's other sessions; the one in use stays signed in. */
export async function changeStaffPassword(
	db: DbOrTx,
	staffId: string,
	passwordHash: string,
	keepSessionId: string,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('staff_users')
		.set({ password_hash: passwordHash, password_changed_at: now })
		.where('id', '=', staffId)
		.execute();
	await invalidateStaffSessions(db, staffId, keepSessionId);
}

/** True when the id is empty or names a staff member of this organization. */
export async function isOwnStaffOrNone(
	db: DbOrTx,
	organizationId: string,
	staffId: string | null
): Promise<boolean> {
	return !staffId || (await getStaffMember(db, organizationId, staffId)) !== null;
}
