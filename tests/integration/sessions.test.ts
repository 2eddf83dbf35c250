import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	ABSOLUTE_LIFETIME_MS,
	ACTIVITY_WRITE_INTERVAL_MS,
	INACTIVITY_TIMEOUT_MS,
	createStaffSession,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';

const meta = { ip: '203.0.113.5', userAgent: 'test' };
let t: TestDatabase;
let staffId: string;

beforeEach(async () => {
	t = await createTestDatabase();
	const { staffIds } = await createOrganizationWithStaff(t.db, 'Org', [
		{ email: 'a@example.org', role: 'admin' }
	]);
	staffId = staffIds[0]!;
});
afterEach(() => t.close());

describe('staff sessions', () => {
	it('issues id.secret tokens and stores only the hash of the secret', async () => {
		const { token, session } = await createStaffSession(t.db, staffId, meta, 1_000);
		const [id, secret] = token.split('.');
		const row = await t.db
			.selectFrom('sessions')
			.selectAll()
			.where('id', '=', id!)
			.executeTakeFirstOrThrow();
		expect(row.secret_hash).not.toContain(secret!);
		expect(JSON.stringify(row)).not.toContain(secret!);
		expect(session.id).toBe(id);
		expect((await validateSessionToken(t.db, token, 2_000))?.staff.id).toBe(staffId);
	});

	it('refuses a token whose secret or shape is wrong', async () => {
		const { token } = await createStaffSession(t.db, staffId, meta, 1_000);
		const [id] = token.split('.');
		expect(await validateSessionToken(t.db, `${id}.${'a'.repeat(32)}`, 2_000)).toBeNull();
		expect(await validateSessionToken(t.db, id!, 2_000)).toBeNull();
		expect(await validateSessionToken(t.db, `${token}.extra`, 2_000)).toBeNull();
		expect(await validateSessionToken(t.db, '', 2_000)).toBeNull();
	});

	it('slides with activity and ends after the inactivity timeout', async () => {
		const start = 1_000_000;
		const { token } = await createStaffSession(t.db, staffId, meta, start);
		const later = start + ACTIVITY_WRITE_INTERVAL_MS + 1;
		expect(await validateSessionToken(t.db, token, later)).not.toBeNull();
		// Renewed at `later`, so it is still alive just before later + timeout…
		expect(
			await validateSessionToken(t.db, token, later + INACTIVITY_TIMEOUT_MS - 1)
		).not.toBeNull();
		// …and the row was renewed again then; a long silence after that ends it and deletes it.
		const silentUntil = later + 2 * INACTIVITY_TIMEOUT_MS;
		expect(await validateSessionToken(t.db, token, silentUntil)).toBeNull();
		expect(await t.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
	});

	it('ends at the absolute lifetime however active', async () => {
		const start = 1_000_000;
		const { token } = await createStaffSession(t.db, staffId, meta, start);
		for (let now = start; now < start + ABSOLUTE_LIFETIME_MS; now += INACTIVITY_TIMEOUT_MS / 2) {
			expect(await validateSessionToken(t.db, token, now)).not.toBeNull();
		}
		expect(await validateSessionToken(t.db, token, start + ABSOLUTE_LIFETIME_MS)).toBeNull();
	});
});
