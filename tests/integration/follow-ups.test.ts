import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkExpiry, redeemParticipantLink } from '../../src/lib/server/auth/participant-links';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { answerFollowUp, openFollowUps } from '../../src/lib/server/outcomes/follow-up-answers';
import {
	remindFollowUps,
	sendDueFollowUps
} from '../../src/lib/server/outcomes/follow-up-schedule';
import { addMonths, endOfDayMs, todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';
import { cliOutput } from '../helpers/cli';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { addNewPair, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
const ORIGIN = 'https://tandem.example';
const DAY = 86_400_000;
/** Noon in Toronto (the default zone) on a day. */
const at = (date: string) => Date.parse(`${date}T17:00:00Z`);

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	staff = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	program = await createTestProgram(t.db, staff, {
		startDate: '2027-03-01',
		endDate: '2027-06-30'
	});
});
afterEach(() => t.close());

/** A new mentor and protégé of `into`, paired as the pairing form does. */
const newPair = (into: Program = program) => addNewPair(t.db, staff, into);

const followUps = () =>
	t.db.selectFrom('outcome_follow_ups').selectAll().orderBy('months').orderBy('role').execute();

const outbox = () =>
	t.db.selectFrom('outbox').select(['participant_id', 'kind', 'subject', 'body']).execute();

/** The scheduler run twice at the same moment: a step already made is not made again. */
async function twice(run: typeof sendDueFollowUps, now: number): Promise<number> {
	const [a, b] = await Promise.all([run(t.db, ORIGIN, now), run(t.db, ORIGIN, now)]);
	return a + b;
}

function form(values: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(values)) data.set(name, value);
	return data;
}

describe('follow-up surveys after a program', () => {
	it('are made 3, 6 and 12 months after the program’s end, once per person and step', async () => {
		const pair = await newPair();
		expect(await twice(sendDueFollowUps, at('2027-09-29'))).toBe(0);
		expect(await twice(sendDueFollowUps, at('2027-09-30'))).toBe(2);
		expect(await twice(sendDueFollowUps, at('2027-10-15'))).toBe(0);
		expect((await followUps()).map((f) => [f.role, f.months, f.due_on])).toEqual([
			['mentor', 3, '2027-09-30'],
			['protege', 3, '2027-09-30']
		]);
		expect(await twice(sendDueFollowUps, at('2027-12-30'))).toBe(2);
		// A scheduler that did not run for the 12-month step's first 45 days does not send it late.
		expect(await twice(sendDueFollowUps, at('2028-08-20'))).toBe(0);
		expect((await followUps()).map((f) => f.months)).toEqual([3, 3, 6, 6]);

		const messages = await outbox();
		expect(messages).toHaveLength(4);
		expect(new Set(messages.map((m) => m.participant_id))).toEqual(
			new Set([pair.mentorId, pair.protegeId])
		);
		for (const message of messages) {
			expect(message.kind).toBe('invitation');
			expect(message.subject).toBe('Spring cohort: how are things now?');
		}
	});

	it('ask a re-paired protégé once (about the last pair), and nobody of a program without them', async () => {
		const first = await newPair();
		const again = await newPair();
		await t.db
			.updateTable('pairs')
			.set({ follows_pair_id: first.pairId })
			.where('id', '=', again.pairId)
			.execute();
		const other = await createTestProgram(t.db, staff, {
			name: 'No follow-ups',
			startDate: '2027-03-01',
			endDate: '2027-06-30',
			followUpMonths: []
		});
		await newPair(other);
		expect(await sendDueFollowUps(t.db, ORIGIN, at('2027-09-30'))).toBe(2);
		expect(new Set((await followUps()).map((f) => f.pair_id))).toEqual(new Set([again.pairId]));
	});

	it('keep personal links working until the last follow-up', async () => {
		const pair = await newPair();
		// The 12-month follow-up falls due on 30 June 2028; links work 30 days longer.
		const expiry = linkExpiry(program, DEFAULT_TIME_ZONE);
		expect(expiry).toBe(endOfDayMs('2028-07-30', DEFAULT_TIME_ZONE));
		await sendDueFollowUps(t.db, ORIGIN, at('2027-09-30'));
		const message = (await outbox()).find((m) => m.participant_id === pair.protegeId)!;
		const token = message.body.match(/\/l\/([a-z2-7]{32})\n/)![1]!;
		expect(await redeemParticipantLink(t.db, token, at('2028-07-29'))).not.toBeNull();
		expect(await redeemParticipantLink(t.db, token, at('2028-07-31'))).toBeNull();
	});

	it('remind each unanswered one once, a week after it was sent', async () => {
		const pair = await newPair();
		await sendDueFollowUps(t.db, ORIGIN, at('2027-09-30'));
		const [mentorFollowUp] = await followUps();
		expect(await answerFollowUp(t.db, mentorFollowUp!, form({ in_touch: 'yes' }))).toBeNull();
		expect(await twice(remindFollowUps, at('2027-10-06'))).toBe(0);
		expect(await twice(remindFollowUps, at('2027-10-07'))).toBe(1);
		expect(await twice(remindFollowUps, at('2027-10-20'))).toBe(0);
		const reminders = (await outbox()).filter((m) => m.kind === 'reminder');
		expect(reminders.map((m) => m.participant_id)).toEqual([pair.protegeId]);
		expect(reminders[0]!.body).toContain('Reminder: two or three quick questions');
	});

	it('go once from two `npm run reminders` at the same moment', async () => {
		// The program ended three months ago today: its first follow-up is due now.
		const today = todayIn(DEFAULT_TIME_ZONE);
		await t.db
			.updateTable('programs')
			.set({ start_date: addMonths(today, -8), end_date: addMonths(today, -3) })
			.execute();
		await newPair();
		await newPair();
		const run = async () =>
			(
				await Promise.all([cliOutput('reminders', [], t.env), cliOutput('reminders', [], t.env)])
			).map((output) => output.match(/follow-ups queued: (\d+) \(reminders: (\d+)\)/)!);
		const first = await run();
		expect(Number(first[0]![1]) + Number(first[1]![1])).toBe(4);
		await t.db
			.updateTable('outcome_follow_ups')
			.set({ created_at: Date.now() - 7 * DAY - 60_000 })
			.execute();
		const second = await run();
		expect(second.map((m) => Number(m[1]))).toEqual([0, 0]);
		expect(Number(second[0]![2]) + Number(second[1]![2])).toBe(4);
		const kinds = await t.db.selectFrom('outbox').select('kind').execute();
		expect(kinds.filter((k) => k.kind === 'invitation')).toHaveLength(4);
		expect(kinds.filter((k) => k.kind === 'reminder')).toHaveLength(4);
	}, 60_000);
});

describe('answers', () => {
	it('ask a protégé at work how they found it, keep a mentor’s yes or no, and never change a sent one', async () => {
		const pair = await newPair();
		await sendDueFollowUps(t.db, ORIGIN, at('2027-09-30'));
		const [open] = await openFollowUps(t.db, { id: pair.protegeId }, at('2027-10-01'));
		const missing = await answerFollowUp(t.db, open!, form({ work: 'employed_in_field' }));
		expect(missing?.errors).toEqual({
			found_through: 'You said you have a job: please say how you found it.'
		});
		const sent = { work: 'employed_in_field', found_through: 'mentor', job_title: 'Nurse' };
		expect(await answerFollowUp(t.db, open!, form(sent))).toBeNull();
		await answerFollowUp(t.db, open!, form({ work: 'looking' }));
		const kept = (await followUps()).find((f) => f.id === open!.id)!;
		expect([kept.work, kept.found_through, kept.job_title]).toEqual([
			'employed_in_field',
			'mentor',
			'Nurse'
		]);
		expect(await openFollowUps(t.db, { id: pair.protegeId }, at('2027-10-01'))).toEqual([]);
		// Not at work: how they found a job and its title are not kept.
		const [mentor] = await openFollowUps(t.db, { id: pair.mentorId }, at('2027-10-01'));
		expect(await answerFollowUp(t.db, mentor!, form({ in_touch: 'maybe' }))).not.toBeNull();
		expect(await answerFollowUp(t.db, mentor!, form({ in_touch: 'no' }))).toBeNull();
		expect((await followUps()).find((f) => f.id === mentor!.id)!.in_touch).toBe(0);
	});
});
