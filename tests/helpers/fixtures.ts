import type { Db } from '../../src/lib/server/db/open';
import type { StaffRole } from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createOrganization } from '../../src/lib/server/organizations/organizations';
import { createStaffUser } from '../../src/lib/server/staff/staff';

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
