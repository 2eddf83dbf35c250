import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/signin';
import { createStaffSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { changeStaffMember } from '../../src/lib/server/staff/administration';
import { changeOwnPassword } from '../../src/lib/server/staff/password-change';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';

let t: TestDatabase;
let adminId: string;
let coordinatorId: string;
const meta = (ip: string) => ({ ip, userAgent: 'vitest' });

beforeEach(async () => {
	t = await createTestDatabase();
	({
		staffIds: [adminId = '', coordinatorId = '']
	} = await createOrganizationWithStaff(t.db, 'Org', [
		{ email: 'admin@example.org', role: 'admin' },
		{ email: 'coord@example.org', role: 'coordinator' }
	]));
});
afterEach(() => t.close());

async function admin() {
	return t.db
		.selectFrom('staff_users')
		.selectAll()
		.where('id', '=', adminId)
		.executeTakeFirstOrThrow();
}

describe('sign-in', () => {
	it('starts a new session on every sign-in, whatever the case of the email', async () => {
		const first = await signIn(
			t.db,
			{ email: 'Coord@Example.org', password: TEST_PASSWORD },
			meta('10.0.0.1')
		);
		const second = await signIn(
			t.db,
			{ email: 'coord@example.org', password: TEST_PASSWORD },
			meta('10.0.0.1')
		);
		if (!first.ok || !second.ok) throw new Error('sign-in failed');
		expect(first.token).not.toBe(second.token);
		expect(await t.db.selectFrom('sessions').selectAll().execute()).toHaveLength(2);
	});

	it('gives the same answer for an unknown email and a wrong password', async () => {
		const unknown = await signIn(
			t.db,
			{ email: 'nobody@example.org', password: TEST_PASSWORD },
			meta('10.0.0.2')
		);
		const wrong = await signIn(
			t.db,
			{ email: 'coord@example.org', password: 'not the password' },
			meta('10.0.0.2')
		);
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual(unknown);
		const actions = await t.db.selectFrom('audit_log').select('action').execute();
		expect(actions.map((a) => a.action)).toEqual(['signin.failed', 'signin.failed']);
	});

	it('makes an account wait after ten failures, even with the right password', async () => {
		for (let i = 0; i < 10; i++) {
			const ip = `10.1.0.${i}`;
			expect(
				(await signIn(t.db, { email: 'coord@example.org', password: 'wrong' }, meta(ip))).ok
			).toBe(false);
		}
		const blocked = await signIn(
			t.db,
			{ email: 'coord@example.org', password: TEST_PASSWORD },
			meta('10.2.0.1')
		);
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		if (blocked.ok || blocked.reason !== 'throttled') return;
		expect(blocked.retryAfterMs).toBeGreaterThan(9 * 60_000);
	});

	it('makes an address wait after ten failures across accounts', async () => {
		for (let i = 0; i < 10; i++) {
			await signIn(
				t.db,
				{ email: `guess${i}@example.org`, password: 'wrong' },
				meta('198.51.100.1')
			);
		}
		const blocked = await signIn(
			t.db,
			{ email: 'admin@example.org', password: TEST_PASSWORD },
			meta('198.51.100.1')
		);
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
	});
});

describe('losing access', () => {
	it('a disabled staff member is signed out at once and cannot sign in', async () => {
		const { token } = await createStaffSession(t.db, coordinatorId, meta('10.3.0.1'));
		expect(await validateSessionToken(t.db, token)).not.toBeNull();
		expect(
			await changeStaffMember(
				t.db,
				await admin(),
				coordinatorId,
				{ kind: 'status', status: 'disabled' },
				null
			)
		).toBe('ok');
		expect(await validateSessionToken(t.db, token)).toBeNull();
		const again = await signIn(
			t.db,
			{ email: 'coord@example.org', password: TEST_PASSWORD },
			meta('10.3.0.2')
		);
		expect(again).toEqual({ ok: false, reason: 'invalid' });
	});

	it('a password change ends the other sessions and keeps this one', async () => {
		const here = await createStaffSession(t.db, coordinatorId, meta('10.4.0.1'));
		const elsewhere = await createStaffSession(t.db, coordinatorId, meta('10.4.0.2'));
		const adminSession = await createStaffSession(t.db, adminId, meta('10.4.0.3'));
		const me = (await validateSessionToken(t.db, here.token))!.staff;
		const input = { current: TEST_PASSWORD, password: 'new maple kettle' };
		expect(await changeOwnPassword(t.db, me, here.session.id, input, null)).toBe(true);
		expect(await validateSessionToken(t.db, here.token)).not.toBeNull();
		expect(await validateSessionToken(t.db, elsewhere.token)).toBeNull();
		expect(await validateSessionToken(t.db, adminSession.token)).not.toBeNull();
		const signedIn = await signIn(
			t.db,
			{ email: 'coord@example.org', password: 'new maple kettle' },
			meta('10.4.0.4')
		);
		expect(signedIn.ok).toBe(true);
	});

	it('a wrong current password changes nothing', async () => {
		const here = await createStaffSession(t.db, coordinatorId, meta('10.5.0.1'));
		const me = (await validateSessionToken(t.db, here.token))!.staff;
		const input = { current: 'wrong', password: 'new maple kettle' };
		expect(await changeOwnPassword(t.db, me, here.session.id, input, null)).toBe(false);
		const after = await t.db
			.selectFrom('staff_users')
			.select('password_hash')
			.where('id', '=', coordinatorId)
			.executeTakeFirstOrThrow();
		expect(after.password_hash).toBe(me.password_hash);
	});
});
