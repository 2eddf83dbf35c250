import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	ABSOLUTE_LIFETIME_MS,
	ACTIVITY_WRITE_INTERVAL_MS,
	INACTIVITY_TIMEOUT_MS,
	createParticipantSession,
	createStaffSession,
	validateParticipantSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import {
	issueParticipantLink,
	redeemParticipantLink
} from '../../src/lib/server/auth/participant-links';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

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

describe('participant sessions', () => {
	const HOUR = 3_600_000;
	let participantId: string;

	beforeEach(async () => {
		const staff = await staffByEmail(t.db, 'a@example.org');
		const program = await createTestProgram(t.db, staff);
		participantId = (await addPeople(t.db, staff, program.id, 'protege', 1))[0]!;
	});

	async function openLink(expiresAt: number): Promise<{ linkId: string; session: string }> {
		const token = await issueParticipantLink(t.db, participantId, expiresAt, null, 1_000);
		const redeemed = await redeemParticipantLink(t.db, token, 2_000);
		const { token: session } = await createParticipantSession(
			t.db,
			{ participantId: redeemed!.participant.id, linkId: redeemed!.linkId },
			meta,
			2_000
		);
		return { linkId: redeemed!.linkId, session };
	}
	const personOf = async (session: string, now: number) =>
		(await validateParticipantSessionToken(t.db, session, now))?.participant.id ?? null;

	it('ends when the link that opened it expires, not before', async () => {
		const { session } = await openLink(HOUR);
		expect(await personOf(session, HOUR - 1)).toBe(participantId);
		expect(await personOf(session, HOUR)).toBeNull();
	});

	it('ends when that link is revoked, while a session from another of their links goes on', async () => {
		const revoked = await openLink(HOUR);
		const kept = await openLink(HOUR);
		await t.db
			.updateTable('participant_links')
			.set({ revoked_at: 3_000 })
			.where('id', '=', revoked.linkId)
			.execute();
		expect(await personOf(revoked.session, 4_000)).toBeNull();
		expect(await personOf(kept.session, 4_000)).toBe(participantId);
	});
});
