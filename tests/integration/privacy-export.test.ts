import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { exportParticipant } from '../../src/lib/server/privacy/participant-export';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { waitingCheckIn, waitingExitSurvey } from '../helpers/pair-signals';
import { MARIA, buildPrivacyWorld, type PrivacyWorld } from '../helpers/privacy';

let t: TestDatabase;
let ana: StaffUserRow;
let world: PrivacyWorld;
let json: string;
let csv: string;
let secrets: string[];

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	ana = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	world = await buildPrivacyWorld(t.db, ana);
	// María-José's check-in about her pair, answered, and her exit survey, not yet.
	const hers = {
		organizationId: ana.organization_id,
		programId: world.program.id,
		pairId: world.mariaPair,
		personId: world.maria,
		role: 'mentor' as const
	};
	const checkIn = await waitingCheckIn(t.db, hers, '2027-03-15');
	await t.db
		.updateTable('pulse_check_ins')
		.set({ answered_at: Date.now(), in_touch: 1, going: 4, wants_contact: 0 })
		.where('id', '=', checkIn)
		.execute();
	await waitingExitSurvey(t.db, hers);
	const maria = await t.db
		.selectFrom('participants')
		.selectAll()
		.where('id', '=', world.maria)
		.executeTakeFirstOrThrow();
	json = (await exportParticipant(t.db, ana, maria, 'json', null)).body;
	csv = (await exportParticipant(t.db, ana, maria, 'csv', null)).body;
	const links = await t.db.selectFrom('participant_links').select('token_hash').execute();
	const sessions = await t.db.selectFrom('sessions').select(['id', 'secret_hash']).execute();
	const outbox = await t.db
		.selectFrom('outbox')
		.select('body')
		.where('participant_id', '=', world.maria)
		.executeTakeFirstOrThrow();
	const mailedToken = outbox.body.match(/\/l\/([a-z2-7]{32})/)![1]!;
	secrets = [
		world.linkToken,
		mailedToken,
		...world.sessionToken.split('.'),
		...links.map((l) => l.token_hash),
		...sessions.flatMap((s) => [s.id, s.secret_hash])
	];
});
afterAll(() => t.close());

describe('a participant’s data export', () => {
	it('holds her profile, consent, links, answers, pairs, notes and messages', () => {
		const record = JSON.parse(json);
		expect(record.check_ins).toMatchObject([
			{
				pair_id: world.mariaPair,
				number: 1,
				due_on: '2027-03-15',
				in_touch: true,
				how_it_is_going: 4,
				asked_to_be_contacted: false
			}
		]);
		expect(record.exit_surveys).toMatchObject([
			{ pair_id: world.mariaPair, answered_at: null, met_expectations: null }
		]);
		expect(record.profile).toMatchObject({
			name: MARIA.name,
			email: MARIA.email,
			phone: MARIA.phone,
			occupation: 'Civil engineer',
			notes: 'Prefers mornings'
		});
		expect(record.consent.consent_date).toBe('2027-02-20');
		expect(record.consent.agreed_in_portal_at).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(record.links_issued).toHaveLength(2);
		expect(record.sessions).toEqual([
			expect.objectContaining({ browser: 'María phone', ip: '203.0.113.9' })
		]);
		expect(record.assignments[0].answers).toContainEqual(
			expect.objectContaining({
				item: 'check_in_anything_else',
				label: 'Anything else to tell us',
				value: 'I can only meet on Tuesdays'
			})
		);
		expect(record.pairs).toEqual([
			expect.objectContaining({
				as: 'mentor',
				partner: 'Pedro Alves',
				notes: [expect.objectContaining({ body: 'Called María-José about the dates' })],
				follow_ups: [expect.objectContaining({ what: 'Send Núñez the guide' })]
			})
		]);
		expect(record.pairs[0].history.map((h: { reason: string }) => h.reason)).toContain(
			'Núñez is travelling in May'
		);
		expect(record.messages).toEqual([
			expect.objectContaining({ kind: 'invitation', to: MARIA.email })
		]);
		expect(record.messages[0].body).toContain('/l/[sent]');
	});

	it.each([
		['JSON', () => json],
		['CSV', () => csv]
	])('in %s contains no link token, session secret or hash', (_, body) => {
		expect(secrets.length).toBeGreaterThanOrEqual(6);
		for (const secret of secrets) expect(body()).not.toContain(secret);
		expect(body()).not.toMatch(/\/l\/[a-z2-7]{32}/);
		expect(body()).not.toMatch(/token|hash/i);
	});

	it('in CSV has one row per value, the same values as the JSON', () => {
		const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
		expect(Object.keys(rows[0]!)).toEqual(['section', 'field', 'value']);
		expect(rows).toContainEqual({ section: 'profile', field: 'email', value: MARIA.email });
		expect(rows).toContainEqual({
			section: 'pairs',
			field: '1.notes.1.body',
			value: 'Called María-José about the dates'
		});
		expect(rows).toContainEqual({ section: 'profile', field: 'phone', value: `'${MARIA.phone}` });
	});

	it('is written in the audit log for each download', async () => {
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['actor_staff_id', 'detail'])
			.where('action', '=', 'participant.exported')
			.where('target_id', '=', world.maria)
			.execute();
		expect(audit).toHaveLength(2);
		expect(audit).toContainEqual({ actor_staff_id: ana.id, detail: '{"format":"json"}' });
		expect(audit).toContainEqual({ actor_staff_id: ana.id, detail: '{"format":"csv"}' });
	});
});
