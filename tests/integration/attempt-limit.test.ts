import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	clearAttempts,
	forgetEndedAttemptWindows,
	isRefusalWorthRecording,
	releaseAttempt,
	reserveAttempt,
	reserveAttempts,
	type AttemptLimit
} from '../../src/lib/server/auth/attempt-limit';
import { signIn } from '../../src/lib/server/auth/signin';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';

const MINUTE = 60_000;
const THREE_A_MINUTE: AttemptLimit = { name: 'test', limit: 3, windowMs: MINUTE };
let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.close());

async function allowedOf(times: number[], subject = 'a'): Promise<boolean[]> {
	const answers: boolean[] = [];
	for (const now of times)
		answers.push((await reserveAttempt(t.db, THREE_A_MINUTE, subject, now)).allowed);
	return answers;
}

describe('attempt limits in the database', () => {
	it('lets `limit` attempts through in a window, then refuses until the window ends', async () => {
		expect(await allowedOf([0, 1_000, 2_000, 3_000, 59_999, 60_000, 60_001])).toEqual([
			true,
			true,
			true,
			false,
			false,
			true,
			true
		]);
		expect(await reserveAttempt(t.db, THREE_A_MINUTE, 'a', 60_002)).toMatchObject({
			allowed: true
		});
		expect(await reserveAttempt(t.db, THREE_A_MINUTE, 'a', 60_003)).toEqual({
			allowed: false,
			retryAfterMs: 59_997,
			refused: 1
		});
	});

	it('counts each subject and each limit apart', async () => {
		expect(await allowedOf([0, 0, 0, 0], 'a')).toEqual([true, true, true, false]);
		expect(await allowedOf([0], 'b')).toEqual([true]);
		const other = { ...THREE_A_MINUTE, name: 'other' };
		expect((await reserveAttempt(t.db, other, 'a', 0)).allowed).toBe(true);
	});

	it('reserves atomically: of 50 simultaneous attempts exactly `limit` go through', async () => {
		const answers = await Promise.all(
			Array.from({ length: 50 }, () => reserveAttempt(t.db, THREE_A_MINUTE, 'a', 5))
		);
		expect(answers.filter((a) => a.allowed)).toHaveLength(3);
		const refusedCounts = answers.flatMap((a) => (a.allowed ? [] : [a.refused]));
		expect(refusedCounts.sort((x, y) => x - y)).toEqual(
			Array.from({ length: 47 }, (_, i) => i + 1)
		);
	});

	it('gives back a released attempt and forgets a cleared subject', async () => {
		const first = await reserveAttempt(t.db, THREE_A_MINUTE, 'a', 0);
		if (!first.allowed) throw new Error('first attempt refused');
		await allowedOf([1, 2]);
		await releaseAttempt(t.db, first);
		expect(await allowedOf([3, 4])).toEqual([true, false]);
		await clearAttempts(t.db, THREE_A_MINUTE, 'a');
		expect(await allowedOf([5, 6, 7, 8])).toEqual([true, true, true, false]);
	});

	it('gives back what the first limit reserved when the second refuses', async () => {
		const byAddress = { ...THREE_A_MINUTE, name: 'address' };
		const byAccount = { ...THREE_A_MINUTE, name: 'account', limit: 1 };
		const pair = (account: string): [AttemptLimit, string][] => [
			[byAddress, '192.0.2.1'],
			[byAccount, account]
		];
		expect((await reserveAttempts(t.db, pair('x'), 0)).allowed).toBe(true);
		expect(await reserveAttempts(t.db, pair('x'), 1)).toMatchObject({ allowed: false });
		expect((await reserveAttempts(t.db, pair('y'), 2)).allowed).toBe(true);
		expect((await reserveAttempts(t.db, pair('z'), 3)).allowed).toBe(true);
		expect(await reserveAttempts(t.db, pair('w'), 4)).toMatchObject({ allowed: false });
	});

	it('stores neither the address nor the email it counts', async () => {
		await reserveAttempt(t.db, THREE_A_MINUTE, 'coord@example.org', 0);
		const rows = await t.db.selectFrom('attempt_limits').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.key).toMatch(/^[0-9a-f]{64}$/);
	});

	it('drops windows that ended more than a day ago', async () => {
		await reserveAttempt(t.db, THREE_A_MINUTE, 'old', 0);
		await reserveAttempt(t.db, THREE_A_MINUTE, 'new', 24 * 60 * MINUTE);
		await forgetEndedAttemptWindows(t.db, 24 * 60 * MINUTE + 1);
		expect(await t.db.selectFrom('attempt_limits').select('key').execute()).toHaveLength(1);
	});

	it.each([
		[1, true],
		[2, false],
		[9, false],
		[10, true],
		[11, false],
		[100, true],
		[1000, true],
		[0, false]
	])('writes down refusal number %i: %s', (refused, written) => {
		expect(isRefusalWorthRecording(refused)).toBe(written);
	});
});

describe('sign-in refusals in the audit log', () => {
	it('writes the first refusal of a window and its count at 10, not one line per refusal', async () => {
		await createOrganizationWithStaff(t.db, 'Org', [
			{ email: 'c@example.org', role: 'coordinator' }
		]);
		const meta = { ip: '203.0.113.9', userAgent: 'vitest' };
		for (let i = 0; i < 30; i++)
			await signIn(t.db, { email: 'c@example.org', password: `wrong ${i}` }, meta, 1_000 + i);
		const rows = await t.db
			.selectFrom('audit_log')
			.select(['action', 'detail'])
			.orderBy('created_at')
			.execute();
		expect(rows.filter((r) => r.action === 'signin.failed')).toHaveLength(10);
		expect(
			rows.filter((r) => r.action === 'signin.throttled').map((r) => JSON.parse(r.detail!))
		).toEqual([
			{ email: 'c@example.org', refused: 1 },
			{ email: 'c@example.org', refused: 10 }
		]);
		const right = await signIn(
			t.db,
			{ email: 'c@example.org', password: TEST_PASSWORD },
			meta,
			2_000
		);
		expect(right).toMatchObject({ ok: false, reason: 'throttled' });
	});
});
