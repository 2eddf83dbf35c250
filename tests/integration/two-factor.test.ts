import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmEnrolment, turnOffTwoFactor } from '../../src/lib/server/auth/enrolment';
import { normalizeRecoveryCode, useRecoveryCode } from '../../src/lib/server/auth/recovery-codes';
import { completeSecondFactor } from '../../src/lib/server/auth/second-factor';
import {
	endStaffSessions,
	resetStaffTwoFactor,
	setTwoFactorRequired
} from '../../src/lib/server/auth/security-admin';
import { validateSessionToken, type ValidSession } from '../../src/lib/server/auth/session';
import { signIn } from '../../src/lib/server/auth/signin';
import { resolveStaffAccess } from '../../src/lib/server/auth/staff-access';
import { endOwnSession, listActiveSessions } from '../../src/lib/server/auth/staff-sessions';
import { totpCodeAt } from '../../src/lib/server/auth/totp';
import { enrolmentKey, findTwoFactor } from '../../src/lib/server/auth/two-factor';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';

const STEP = 30_000;
let t: TestDatabase;
let adminId: string;
let coordinatorId: string;
let otherOrgAdminId: string;
let ipCounter = 0;

beforeEach(async () => {
	t = await createTestDatabase();
	({
		staffIds: [adminId = '', coordinatorId = '']
	} = await createOrganizationWithStaff(t.db, 'Org', [
		{ email: 'admin@example.org', role: 'admin' },
		{ email: 'coord@example.org', role: 'coordinator' }
	]));
	({
		staffIds: [otherOrgAdminId = '']
	} = await createOrganizationWithStaff(t.db, 'Other org', [
		{ email: 'other@example.org', role: 'admin' }
	]));
});
afterEach(() => t.close());

/** Each sign-in from its own address keeps the per-address throttle of one test out of the next. */
const freshIp = () => `192.0.2.${++ipCounter % 250}`;

async function staffRow(id: string): Promise<StaffUserRow> {
	return t.db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function sessionFor(email: string, now: number): Promise<ValidSession> {
	const result = await signIn(
		t.db,
		{ email, password: TEST_PASSWORD },
		{ ip: freshIp(), userAgent: 'vitest' },
		now
	);
	if (!result.ok) throw new Error('sign-in failed');
	return (await validateSessionToken(t.db, result.token, now))!;
}

/** Sets up an app for the person at `now`; returns the key, the session used and the codes. */
async function enrol(staffId: string, email: string, now: number) {
	const signedIn = await sessionFor(email, now);
	const key = (await enrolmentKey(t.db, staffId, now))!;
	const result = await confirmEnrolment(
		t.db,
		await staffRow(staffId),
		signedIn.session.id,
		totpCodeAt(key, now),
		null,
		now
	);
	if (!result.ok) throw new Error('enrolment failed');
	return { key, session: signedIn, codes: result.recoveryCodes };
}

const access = async (signedIn: ValidSession) => {
	const session = await t.db
		.selectFrom('sessions')
		.selectAll()
		.where('id', '=', signedIn.session.id)
		.executeTakeFirstOrThrow();
	return resolveStaffAccess(t.db, session, signedIn.staff);
};

describe('setting up an authenticator app', () => {
	it('keeps the same key until confirmed, and refuses a wrong code', async () => {
		const now = 1_800_000_000_000;
		const signedIn = await sessionFor('coord@example.org', now);
		const key = (await enrolmentKey(t.db, coordinatorId, now))!;
		expect(await enrolmentKey(t.db, coordinatorId, now + 60_000)).toEqual(key);
		const wrong = totpCodeAt(key, now + 10 * STEP);
		const staff = await staffRow(coordinatorId);
		expect(await confirmEnrolment(t.db, staff, signedIn.session.id, wrong, null, now)).toEqual({
			ok: false,
			reason: 'wrong'
		});
		expect((await findTwoFactor(t.db, coordinatorId))?.enrolled_at).toBeNull();
		expect(await access(signedIn)).toBe('signed_in');
	});

	it('confirms with a code: ten hashed backup codes, this session stays in, others wait for a code', async () => {
		const now = 1_800_000_000_000;
		const other = await sessionFor('coord@example.org', now);
		const { session, codes } = await enrol(coordinatorId, 'coord@example.org', now);
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		const stored = await t.db
			.selectFrom('staff_recovery_codes')
			.select('code_hash')
			.where('staff_user_id', '=', coordinatorId)
			.execute();
		expect(stored).toHaveLength(10);
		const dump = JSON.stringify(stored);
		for (const code of codes) expect(dump).not.toContain(normalizeRecoveryCode(code)!);
		expect(await access(session)).toBe('signed_in');
		expect(await access(other)).toBe('second_factor_pending');
		expect(await enrolmentKey(t.db, coordinatorId, now)).toBeNull();
	});

	it('stores the key encrypted when TOTP_ENCRYPTION_KEY is set', async () => {
		process.env.TOTP_ENCRYPTION_KEY = 'k'.repeat(48);
		try {
			const now = 1_800_000_000_000;
			const { key } = await enrol(coordinatorId, 'coord@example.org', now);
			const row = (await findTwoFactor(t.db, coordinatorId))!;
			expect(row.sealed_key).toMatch(/^aes256gcm:/);
			expect(row.sealed_key).not.toContain(Buffer.from(key).toString('base64'));
		} finally {
			delete process.env.TOTP_ENCRYPTION_KEY;
		}
	});
});

describe('the second sign-in step', () => {
	it('accepts each app code once', async () => {
		const now = 1_800_000_000_000;
		const { key } = await enrol(coordinatorId, 'coord@example.org', now);
		const later = now + 5 * STEP;
		const pending = await sessionFor('coord@example.org', later);
		expect(await access(pending)).toBe('second_factor_pending');
		const code = totpCodeAt(key, later);
		const attempt = { method: 'code', value: code } as const;
		expect(await completeSecondFactor(t.db, pending, attempt, freshIp(), later)).toEqual({
			ok: true
		});
		expect(await access(pending)).toBe('signed_in');

		const again = await sessionFor('coord@example.org', later + 1000);
		expect(await completeSecondFactor(t.db, again, attempt, freshIp(), later + 1000)).toEqual({
			ok: false,
			reason: 'used'
		});
		expect(await access(again)).toBe('second_factor_pending');
	});

	it('accepts a backup code once, in any case and without dashes', async () => {
		const now = 1_800_000_000_000;
		const { codes } = await enrol(coordinatorId, 'coord@example.org', now);
		const typed = codes[3]!.replaceAll('-', ' ').toUpperCase();
		const first = await sessionFor('coord@example.org', now + STEP);
		const attempt = { method: 'recovery_code', value: typed } as const;
		expect(await completeSecondFactor(t.db, first, attempt, freshIp(), now + STEP)).toEqual({
			ok: true
		});
		expect(await access(first)).toBe('signed_in');

		const second = await sessionFor('coord@example.org', now + 2 * STEP);
		expect(await completeSecondFactor(t.db, second, attempt, freshIp(), now + 2 * STEP)).toEqual({
			ok: false,
			reason: 'wrong'
		});
		expect(await access(second)).toBe('second_factor_pending');
		expect(await useRecoveryCode(t.db, coordinatorId, codes[4]!, now)).toBe(true);
		expect(await useRecoveryCode(t.db, coordinatorId, codes[4]!, now)).toBe(false);
		// Another person's code never works for this account.
		const { codes: adminCodes } = await enrol(adminId, 'admin@example.org', now);
		expect(await useRecoveryCode(t.db, coordinatorId, adminCodes[0]!, now)).toBe(false);
	});

	it('pauses an account after five wrong codes, even with the right one', async () => {
		const now = 1_800_000_000_000;
		const { key } = await enrol(coordinatorId, 'coord@example.org', now);
		const pending = await sessionFor('coord@example.org', now + STEP);
		for (let i = 0; i < 5; i++) {
			const wrong = { method: 'code', value: '000000' } as const;
			const result = await completeSecondFactor(t.db, pending, wrong, freshIp(), now + STEP);
			expect(result.ok).toBe(false);
		}
		const right = { method: 'code', value: totpCodeAt(key, now + STEP) } as const;
		const result = await completeSecondFactor(t.db, pending, right, freshIp(), now + STEP);
		expect(result).toMatchObject({ ok: false, reason: 'throttled' });
		expect(await access(pending)).toBe('second_factor_pending');
		const failures = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', '=', 'two_factor.failed')
			.execute();
		expect(failures).toHaveLength(5);
	});
});

describe('organization requirement and administrators', () => {
	it('sends staff without an app to set-up, once an enrolled administrator requires it', async () => {
		const now = 1_800_000_000_000;
		const coordinator = await sessionFor('coord@example.org', now);
		const admin = await staffRow(adminId);
		expect(await setTwoFactorRequired(t.db, admin, true, null)).toBe('admin_not_enrolled');
		expect(await access(coordinator)).toBe('signed_in');

		await enrol(adminId, 'admin@example.org', now);
		expect(await setTwoFactorRequired(t.db, admin, true, null)).toBe('ok');
		expect(await access(coordinator)).toBe('enrolment_required');

		await enrol(coordinatorId, 'coord@example.org', now);
		expect(await turnOffTwoFactor(t.db, await staffRow(coordinatorId), TEST_PASSWORD, null)).toBe(
			'required'
		);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'organization.settings_changed')
			.execute();
		expect(audit.map((a) => JSON.parse(a.detail!))).toEqual([{ requireTwoFactor: true }]);
	});

	it('a reset forgets the app and codes and ends every session; other organizations are 404', async () => {
		const now = 1_800_000_000_000;
		const { session } = await enrol(coordinatorId, 'coord@example.org', now);
		const admin = await staffRow(adminId);
		const otherAdmin = await staffRow(otherOrgAdminId);
		expect(await resetStaffTwoFactor(t.db, otherAdmin, coordinatorId, null)).toBe('not_found');
		expect(await resetStaffTwoFactor(t.db, admin, adminId, null)).toBe('self');
		expect(await findTwoFactor(t.db, coordinatorId)).not.toBeNull();

		expect(await resetStaffTwoFactor(t.db, admin, coordinatorId, '203.0.113.9')).toBe('ok');
		expect(await findTwoFactor(t.db, coordinatorId)).toBeNull();
		expect(
			await t.db
				.selectFrom('staff_recovery_codes')
				.selectAll()
				.where('staff_user_id', '=', coordinatorId)
				.execute()
		).toEqual([]);
		expect(await listActiveSessions(t.db, coordinatorId, session.session.id, now)).toEqual([]);
		const entry = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'two_factor.reset')
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({ actor_staff_id: adminId, target_id: coordinatorId });
	});

	it('ends all sessions of a staff member, and only of the same organization', async () => {
		const now = Date.now();
		await sessionFor('coord@example.org', now);
		await sessionFor('coord@example.org', now);
		const otherAdmin = await staffRow(otherOrgAdminId);
		expect(await endStaffSessions(t.db, otherAdmin, coordinatorId, null)).toBe('not_found');
		expect(await listActiveSessions(t.db, coordinatorId, null, now)).toHaveLength(2);
		expect(await endStaffSessions(t.db, await staffRow(adminId), coordinatorId, null)).toBe('ok');
		expect(await listActiveSessions(t.db, coordinatorId, null, now)).toHaveLength(0);
	});
});

describe('own sessions', () => {
	it('lists the person’s sessions and ends one, never someone else’s', async () => {
		const now = Date.now();
		const mine = await sessionFor('coord@example.org', now);
		const mineElsewhere = await sessionFor('coord@example.org', now);
		const admins = await sessionFor('admin@example.org', now);
		const coordinator = await staffRow(coordinatorId);

		const listed = await listActiveSessions(t.db, coordinatorId, mine.session.id, now);
		expect(listed.map((s) => [s.id, s.current])).toEqual(
			expect.arrayContaining([
				[mine.session.id, true],
				[mineElsewhere.session.id, false]
			])
		);
		expect(listed).toHaveLength(2);
		expect(await endOwnSession(t.db, coordinator, admins.session.id, mine.session.id, null)).toBe(
			false
		);
		expect(await endOwnSession(t.db, coordinator, mine.session.id, mine.session.id, null)).toBe(
			false
		);
		expect(
			await endOwnSession(t.db, coordinator, mineElsewhere.session.id, mine.session.id, null)
		).toBe(true);
		expect(await listActiveSessions(t.db, coordinatorId, mine.session.id, now)).toHaveLength(1);
		expect(await listActiveSessions(t.db, adminId, null, now)).toHaveLength(1);
	});
});
