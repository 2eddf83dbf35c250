import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Participant, StaffUserRow } from '../../src/lib/server/db/schema';
import { setOrganizationTimeZone } from '../../src/lib/server/organizations/time-zone';
import { issueLinksFor } from '../../src/lib/server/rounds/links';
import { runScheduledReminders } from '../../src/lib/server/rounds/messaging';
import { participantAssignments } from '../../src/lib/server/survey/assignments';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	staff = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
});
afterEach(() => t.close());

async function roundWithPeople(opensOn: string, closesOn: string, zone?: string) {
	if (zone) await setOrganizationTimeZone(t.db, staff, zone, null);
	const program = await createTestProgram(t.db, staff, {
		startDate: '2026-01-05',
		endDate: '2026-12-18'
	});
	await addPeople(t.db, staff, program.id, 'mentor', 2);
	await addPeople(t.db, staff, program.id, 'protege', 2);
	await openTestRound(t.db, staff, program, 'pre', { opensOn, closesOn });
	const person: Participant = await t.db
		.selectFrom('participants')
		.selectAll()
		.where('email', '=', 'mentor1@example.org')
		.executeTakeFirstOrThrow();
	return { program, person };
}

const stateSeenBy = async (person: Participant, at: string) =>
	(await participantAssignments(t.db, person, Date.parse(at)))[0]!.state;

describe('rounds follow the organization’s days (Toronto by default)', () => {
	it.each([
		// DST starts on 8 March 2026.
		['2026-03-02', '2026-03-08', '2026-03-09T03:30:00Z', 'open'], // 23:30 on the 8th
		['2026-03-02', '2026-03-08', '2026-03-09T04:00:00Z', 'closed'], // 00:00 on the 9th
		// DST ends on 1 November 2026.
		['2026-10-20', '2026-11-01', '2026-11-02T04:30:00Z', 'open'], // 23:30 on the 1st
		['2026-10-20', '2026-11-01', '2026-11-02T05:00:00Z', 'closed'], // 00:00 on the 2nd
		// Opening: 19:00 in Toronto on 4 December is already the 5th in UTC.
		['2026-12-05', '2026-12-12', '2026-12-05T00:00:00Z', 'scheduled'],
		['2026-12-05', '2026-12-12', '2026-12-05T05:00:00Z', 'open']
	])(
		'a round from %s to %s is, at %s, %s for its participants',
		async (opens, closes, at, state) => {
			const { person } = await roundWithPeople(opens, closes);
			expect(await stateSeenBy(person, at)).toBe(state);
		}
	);

	it('opens at midnight in the zone the administrator chose', async () => {
		const { person } = await roundWithPeople('2026-12-05', '2026-12-12', 'Asia/Tokyo');
		expect(await stateSeenBy(person, '2026-12-04T14:59:00Z')).toBe('scheduled');
		expect(await stateSeenBy(person, '2026-12-04T15:00:00Z')).toBe('open');
	});

	it('still reminds people at 23:30 on the closing day, and not at midnight', async () => {
		await roundWithPeople('2026-03-02', '2026-03-08');
		// They were asked when the round opened, days before its last evening.
		await t.db
			.updateTable('assignments')
			.set({ created_at: Date.parse('2026-03-02T14:00:00Z') })
			.execute();
		const origin = 'https://tandem.example';
		expect(await runScheduledReminders(t.db, origin, Date.parse('2026-03-09T04:00:00Z'))).toBe(0);
		expect(await runScheduledReminders(t.db, origin, Date.parse('2026-03-09T03:30:00Z'))).toBe(4);
	});

	it('keeps personal links working to the end of the grace period’s last day there', async () => {
		const { program, person } = await roundWithPeople('2026-03-02', '2026-03-08');
		await issueLinksFor(t.db, staff, program, [person.id], 'https://tandem.example', null);
		const link = await t.db.selectFrom('participant_links').selectAll().executeTakeFirstOrThrow();
		// The program ends on 18 December 2026 and its last follow-up falls 12 months later; 30
		// days after that is 17 January 2028, which ends at 05:00 UTC.
		expect(new Date(link.expires_at).toISOString()).toBe('2028-01-18T05:00:00.000Z');
	});
});
