import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeStaffMember } from '../../src/lib/server/staff/administration';
import {
	acceptInvitation,
	findInvitation,
	inviteStaff,
	listPendingInvitations,
	revokeInvitation
} from '../../src/lib/server/staff/invitations';
import { getStaffMember, listStaff } from '../../src/lib/server/staff/staff';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, testPasswordHash } from '../helpers/fixtures';

let t: TestDatabase;
let orgA: { organizationId: string; staffIds: string[] };
let orgB: { organizationId: string; staffIds: string[] };

beforeEach(async () => {
	t = await createTestDatabase();
	orgA = await createOrganizationWithStaff(t.db, 'A', [
		{ email: 'admin-a@example.org', role: 'admin' },
		{ email: 'coord-a@example.org', role: 'coordinator' }
	]);
	orgB = await createOrganizationWithStaff(t.db, 'B', [
		{ email: 'admin-b@example.org', role: 'admin' },
		{ email: 'coord-b@example.org', role: 'coordinator' }
	]);
});
afterEach(() => t.close());

const staffRow = (id: string) =>
	t.db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('organization scoping', () => {
	it('lists and finds only the staff of one organization', async () => {
		const names = (await listStaff(t.db, orgA.organizationId)).map((s) => s.email);
		expect(names.sort()).toEqual(['admin-a@example.org', 'coord-a@example.org']);
		expect(await getStaffMember(t.db, orgA.organizationId, orgB.staffIds[1]!)).toBeNull();
	});

	it("an administrator of A cannot touch B's staff: not found, and nothing changes", async () => {
		const adminA = await staffRow(orgA.staffIds[0]!);
		const target = orgB.staffIds[1]!;
		expect(
			await changeStaffMember(t.db, adminA, target, { kind: 'status', status: 'disabled' }, null)
		).toBe('not_found');
		expect(
			await changeStaffMember(t.db, adminA, target, { kind: 'role', role: 'admin' }, null)
		).toBe('not_found');
		expect(await staffRow(target)).toMatchObject({ status: 'active', role: 'coordinator' });
	});

	it("an administrator of A cannot revoke B's invitation", async () => {
		const invited = await inviteStaff(
			t.db,
			{
				organizationId: orgB.organizationId,
				invitedBy: orgB.staffIds[0]!,
				email: 'new@example.org',
				name: 'New',
				role: 'coordinator'
			},
			null
		);
		if (!invited.ok) throw new Error('invite failed');
		const [pending] = await listPendingInvitations(t.db, orgB.organizationId);
		expect(await revokeInvitation(t.db, await staffRow(orgA.staffIds[0]!), pending!.id, null)).toBe(
			false
		);
		expect(await findInvitation(t.db, invited.token)).not.toBeNull();
		expect(await revokeInvitation(t.db, await staffRow(orgB.staffIds[0]!), pending!.id, null)).toBe(
			true
		);
		expect(await findInvitation(t.db, invited.token)).toBeNull();
	});

	it('nobody changes their own role or disables themselves', async () => {
		const adminA = await staffRow(orgA.staffIds[0]!);
		expect(
			await changeStaffMember(t.db, adminA, adminA.id, { kind: 'role', role: 'coordinator' }, null)
		).toBe('self');
		expect(await staffRow(adminA.id)).toMatchObject({ role: 'admin' });
	});
});

describe('invitations', () => {
	it('lets the invitee join the right organization with the right role, once', async () => {
		const invited = await inviteStaff(
			t.db,
			{
				organizationId: orgA.organizationId,
				invitedBy: orgA.staffIds[0]!,
				email: 'Nadia@Example.org',
				name: 'Nadia',
				role: 'coordinator'
			},
			null
		);
		if (!invited.ok) throw new Error('invite failed');
		const accepted = await acceptInvitation(
			t.db,
			invited.token,
			{ name: 'Nadia K.', passwordHash: await testPasswordHash() },
			null
		);
		if (!accepted.ok) throw new Error('accept failed');
		expect(await staffRow(accepted.staffId)).toMatchObject({
			organization_id: orgA.organizationId,
			email: 'nadia@example.org',
			name: 'Nadia K.',
			role: 'coordinator'
		});
		const again = await acceptInvitation(
			t.db,
			invited.token,
			{ name: 'X', passwordHash: 'x' },
			null
		);
		expect(again).toEqual({ ok: false, reason: 'link_unusable' });
	});

	it('refuses to invite an email that already has an account', async () => {
		const result = await inviteStaff(
			t.db,
			{
				organizationId: orgA.organizationId,
				invitedBy: orgA.staffIds[0]!,
				email: 'coord-b@example.org',
				name: 'Dup',
				role: 'admin'
			},
			null
		);
		expect(result).toEqual({ ok: false, reason: 'email_taken' });
	});

	it('a new invitation to the same address replaces the pending one', async () => {
		const details = {
			organizationId: orgA.organizationId,
			invitedBy: orgA.staffIds[0]!,
			email: 'x@example.org',
			name: 'X',
			role: 'coordinator' as const
		};
		const first = await inviteStaff(t.db, details, null);
		const second = await inviteStaff(t.db, details, null);
		if (!first.ok || !second.ok) throw new Error('invite failed');
		expect(await findInvitation(t.db, first.token)).toBeNull();
		expect(await findInvitation(t.db, second.token)).not.toBeNull();
		expect(await listPendingInvitations(t.db, orgA.organizationId)).toHaveLength(1);
	});
});
