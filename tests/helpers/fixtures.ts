import type { Db } from '../../src/lib/server/db/open';
import type { Program, StaffRole, StaffUserRow } from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createOrganization } from '../../src/lib/server/organizations/organizations';
import { openRound, type RoundInput } from '../../src/lib/server/rounds/rounds';
import { createStaffUser } from '../../src/lib/server/staff/staff';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

export const TEST_PASSWORD = 'correct horse battery staple';

let cachedHash: Promise<string> | null = null;

/** One argon2 hash shared by all fixtures: hashing is deliberately slow. */
export function testPasswordHash(): Promise<string> {
	cachedHash ??= hashPassword(TEST_PASSWORD);
	return cachedHash;
}

export async function createOrganizationWithStaff(
	db: Db,
	name: string,
	people: { email: string; role: StaffRole; name?: string }[]
): Promise<{ organizationId: string; staffIds: string[] }> {
	const organization = await createOrganization(db, name);
	const staffIds: string[] = [];
	for (const person of people) {
		staffIds.push(
			await createStaffUser(db, {
				organizationId: organization.id,
				email: person.email,
				name: person.name ?? person.email.split('@')[0]!,
				role: person.role,
				passwordHash: await testPasswordHash()
			})
		);
	}
	return { organizationId: organization.id, staffIds };
}

export function staffByEmail(db: Db, email: string): Promise<StaffUserRow> {
	return db
		.selectFrom('staff_users')
		.selectAll()
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
}

export async function publishedVersion(db: Db, organizationId: string): Promise<string> {
	const row = await db
		.selectFrom('instrument_versions')
		.innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
		.select('instrument_versions.id')
		.where('instruments.organization_id', '=', organizationId)
		.where('instrument_versions.status', '=', 'published')
		.executeTakeFirstOrThrow();
	return row.id;
}

const today = () => todayIn(DEFAULT_TIME_ZONE);

/**
 * Opens a round of the staff member's organization's published survey, open from today (or
 * `opensOn`) until far in the future (or `closesOn`); returns its id.
 */
export async function openTestRound(
	db: Db,
	staff: StaffUserRow,
	program: Program,
	wave: RoundInput['wave'],
	{ opensOn = today(), closesOn = '2999-01-01' }: { opensOn?: string; closesOn?: string } = {}
): Promise<string> {
	const versionId = await publishedVersion(db, staff.organization_id);
	const input = { versionId, wave, opensOn, closesOn };
	const opened = await openRound(db, staff, program, input, null);
	if (!opened.ok) throw new Error(opened.reason);
	return opened.roundId;
}
