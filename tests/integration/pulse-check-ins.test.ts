import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { describeReason } from '../../src/lib/analytics/reason-words';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { answerCheckIn, openCheckIns } from '../../src/lib/server/pulse/check-in-answers';
import { remindCheckIns, sendDueCheckIns } from '../../src/lib/server/pulse/check-in-schedule';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { cliOutput } from '../helpers/cli';
import { addNewPair, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
const ORIGIN = 'https://tandem.example';
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

/** A new mentor and protégé paired as the pairing form does, started on `startedOn` (noon there). */
async function pairStartedOn(startedOn: string) {
	const pair = await addNewPair(t.db, staff, program);
	await t.db
		.updateTable('pairs')
		.set({ created_at: at(startedOn) })
		.where('id', '=', pair.pairId)
		.execute();
	return pair;
}

const checkIns = (pairId: string) =>
	t.db
		.selectFrom('pulse_check_ins')
		.selectAll()
		.where('pair_id', '=', pairId)
		.orderBy('step')
		.orderBy('role')
		.execute();

const outbox = () =>
	t.db.selectFrom('outbox').select(['participant_id', 'kind', 'subject', 'body']).execute();

/** Runs the scheduler `times` times in a row: a step already sent is not sent again. */
async function scheduled(run: typeof sendDueCheckIns, now: number, times = 2): Promise<number> {
	let sent = 0;
	for (let i = 0; i < times; i++) sent += await run(t.db, ORIGIN, now);
	return sent;
}

describe('scheduling', () => {
	it('sends each pair’s check-ins from its own start date, once per step', async () => {
		const early = await pairStartedOn('2027-03-01');
		const late = await pairStartedOn('2027-03-10');
		// First step 14 days after each start: 15 March and 24 March.
		expect(await scheduled(sendDueCheckIns, at('2027-03-14'))).toBe(0);
		expect(await scheduled(sendDueCheckIns, at('2027-03-15'))).toBe(2);
		expect(await scheduled(sendDueCheckIns, at('2027-03-16'))).toBe(0);
		expect((await checkIns(early.pairId)).map((c) => [c.role, c.step, c.due_on])).toEqual([
			['mentor', 0, '2027-03-15'],
			['protege', 0, '2027-03-15']
		]);
		expect(await checkIns(late.pairId)).toEqual([]);
		expect(await scheduled(sendDueCheckIns, at('2027-03-24'))).toBe(2);
		// Then every 30 days: the early pair's second step on 14 April.
		expect(await scheduled(sendDueCheckIns, at('2027-04-13'))).toBe(0);
		expect(await scheduled(sendDueCheckIns, at('2027-04-14'))).toBe(2);
		expect((await checkIns(early.pairId)).map((c) => c.step)).toEqual([0, 0, 1, 1]);

		const messages = await outbox();
		expect(messages).toHaveLength(6);
		expect(new Set(messages.map((m) => m.participant_id)).size).toBe(4);
		for (const message of messages) {
			expect(message.kind).toBe('invitation');
			expect(message.subject).toBe('Spring cohort: a one-minute check-in');
			expect(message.body).toMatch(/\/l\/[a-z2-7]{32}\n/);
		}
	});

	it('sends none for a program without check-ins, an ended pair, or after the program ends', async () => {
		const pair = await pairStartedOn('2027-06-10');
		// 24 June is due; the next, 24 July, falls after the program's end.
		expect(await sendDueCheckIns(t.db, ORIGIN, at('2027-06-24'))).toBe(2);
		expect(await sendDueCheckIns(t.db, ORIGIN, at('2027-07-30'))).toBe(0);
		const ended = await pairStartedOn('2027-03-01');
		await t.db
			.updateTable('pairs')
			.set({ status: 'ended_early' })
			.where('id', '=', ended.pairId)
			.execute();
		await t.db
			.updateTable('programs')
			.set({ checkin_first_days: null })
			.where('id', '=', program.id)
			.execute();
		const again = await pairStartedOn('2027-03-01');
		expect(await sendDueCheckIns(t.db, ORIGIN, at('2027-03-20'))).toBe(0);
		expect(await checkIns(ended.pairId)).toEqual([]);
		expect(await checkIns(again.pairId)).toEqual([]);
		expect(await checkIns(pair.pairId)).toHaveLength(2);
	});

	it('reminds each unanswered check-in once, three days after it was sent', async () => {
		const pair = await pairStartedOn('2027-03-01');
		await sendDueCheckIns(t.db, ORIGIN, at('2027-03-15'));
		const [mentorCheckIn] = await checkIns(pair.pairId);
		await answerCheckIn(
			t.db,
			mentorCheckIn!,
			form({ in_touch: 'yes', going: '4', wants_contact: 'no' })
		);
		expect(await scheduled(remindCheckIns, at('2027-03-17'))).toBe(0);
		expect(await scheduled(remindCheckIns, at('2027-03-18'))).toBe(1);
		expect(await scheduled(remindCheckIns, at('2027-03-19'))).toBe(0);
		const reminders = (await outbox()).filter((m) => m.kind === 'reminder');
		expect(reminders.map((m) => m.participant_id)).toEqual([pair.protegeId]);
		expect(reminders[0]!.body).toContain('Reminder: your one-minute check-in is waiting.');
	});
});

describe('two schedulers at once', () => {
	it('send each step and each reminder once', async () => {
		// `npm run reminders` twice at the same moment, on today's clock: a pair that started 14
		// days ago has its first check-in due today.
		const DAY = 86_400_000;
		await t.db
			.updateTable('programs')
			.set({ start_date: '2000-01-01', end_date: '2999-01-01' })
			.execute();
		const pairs = [await pairStartedOn('2027-03-01'), await pairStartedOn('2027-03-01')];
		await t.db
			.updateTable('pairs')
			.set({ created_at: Date.now() - 14 * DAY })
			.execute();
		const run = async () => {
			const outputs = await Promise.all([
				cliOutput('reminders', [], t.env),
				cliOutput('reminders', [], t.env)
			]);
			return outputs.map((output) => output.match(/check-ins queued: (\d+) \(reminders: (\d+)\)/)!);
		};
		const first = await run();
		expect(Number(first[0]![1]) + Number(first[1]![1])).toBe(4);
		const made = await t.db.selectFrom('pulse_check_ins').select('pair_id').execute();
		expect(made).toHaveLength(4);
		expect(new Set(made.map((c) => c.pair_id))).toEqual(new Set(pairs.map((p) => p.pairId)));
		// Three days later, nobody has answered: one reminder each.
		await t.db
			.updateTable('pulse_check_ins')
			.set({ created_at: Date.now() - 3 * DAY - 60_000 })
			.execute();
		const second = await run();
		expect(second.map((m) => Number(m[1]))).toEqual([0, 0]);
		expect(Number(second[0]![2]) + Number(second[1]![2])).toBe(4);
		const kinds = await t.db.selectFrom('outbox').select('kind').execute();
		expect(kinds.filter((k) => k.kind === 'invitation')).toHaveLength(4);
		expect(kinds.filter((k) => k.kind === 'reminder')).toHaveLength(4);
	}, 60_000);
});

function form(values: Record<string, string>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(values)) data.set(name, value);
	return data;
}

describe('answers', () => {
	it('refuses a check-in with an answer missing and changes nothing', async () => {
		const pair = await pairStartedOn('2027-03-01');
		await sendDueCheckIns(t.db, ORIGIN, at('2027-03-15'));
		const [checkIn] = await checkIns(pair.pairId);
		const problems = await answerCheckIn(t.db, checkIn!, form({ in_touch: 'no', going: '9' }));
		expect(problems?.errors).toEqual({
			going: 'Please answer this question.',
			wants_contact: 'Please answer this question.'
		});
		expect(problems?.values).toEqual({ in_touch: 'no', going: '9', wants_contact: '' });
		expect((await checkIns(pair.pairId))[0]!.answered_at).toBeNull();
	});

	it('offers a person only their latest unanswered step, and never changes a sent answer', async () => {
		const pair = await pairStartedOn('2027-03-01');
		await sendDueCheckIns(t.db, ORIGIN, at('2027-03-15'));
		await sendDueCheckIns(t.db, ORIGIN, at('2027-04-14'));
		const open = await openCheckIns(t.db, { id: pair.protegeId }, at('2027-04-14'));
		const latest = (await checkIns(pair.pairId)).find((c) => c.role === 'protege' && c.step === 1)!;
		expect(open.map((c) => c.id)).toEqual([latest.id]);
		await answerCheckIn(t.db, latest, form({ in_touch: 'yes', going: '5', wants_contact: 'no' }));
		await answerCheckIn(t.db, latest, form({ in_touch: 'no', going: '1', wants_contact: 'yes' }));
		const kept = (await checkIns(pair.pairId)).find((c) => c.id === latest.id)!;
		expect([kept.in_touch, kept.going, kept.wants_contact]).toEqual([1, 5, 0]);
		expect(await openCheckIns(t.db, { id: pair.protegeId }, at('2027-04-14'))).toEqual([]);
	});
});

describe('a pair’s status', () => {
	async function statusOf(pairId: string, today: string) {
		const { evidence } = await loadProgramEvidence(t.db, program, { today });
		const risk = analyseProgram(evidence).pairs.find((p) => p.pairId === pairId)!;
		return {
			status: risk.status,
			reasons: risk.reasons.map((r) => describeReason(r.reason, new Map(), 'en'))
		};
	}

	async function answer(
		pairId: string,
		role: 'mentor' | 'protege',
		step: number,
		values: Record<string, string>
	) {
		const checkIn = (await checkIns(pairId)).find((c) => c.role === role && c.step === step)!;
		expect(await answerCheckIn(t.db, checkIn, form(values))).toBeNull();
	}

	it('is raised the same day: no contact twice to watch; a 1–2 rating or a contact request at risk', async () => {
		const quiet = await pairStartedOn('2027-03-01');
		const unhappy = await pairStartedOn('2027-03-01');
		const asking = await pairStartedOn('2027-03-01');
		await sendDueCheckIns(t.db, ORIGIN, at('2027-03-15'));
		const fine = { in_touch: 'yes', going: '4', wants_contact: 'no' };
		const noContact = { in_touch: 'no', going: '3', wants_contact: 'no' };
		// Each overview is read before and after the answers: the status must not be a cached one.
		expect(await statusOf(quiet.pairId, '2027-03-15')).toEqual({ status: 'ok', reasons: [] });
		await answer(quiet.pairId, 'protege', 0, noContact);
		await answer(unhappy.pairId, 'mentor', 0, { ...fine, going: '2' });
		await answer(asking.pairId, 'protege', 0, { ...fine, wants_contact: 'yes' });
		expect(await statusOf(quiet.pairId, '2027-03-15')).toEqual({ status: 'ok', reasons: [] });
		expect(await statusOf(unhappy.pairId, '2027-03-15')).toEqual({
			status: 'at_risk',
			reasons: ['At the latest check-in the mentor said it is not going well (2 of 5).']
		});
		expect(await statusOf(asking.pairId, '2027-03-15')).toEqual({
			status: 'at_risk',
			reasons: ['At the latest check-in the protégé asked for a coordinator to contact them.']
		});

		await sendDueCheckIns(t.db, ORIGIN, at('2027-04-14'));
		await answer(quiet.pairId, 'protege', 1, noContact);
		expect(await statusOf(quiet.pairId, '2027-04-14')).toEqual({
			status: 'watch',
			reasons: ['The protégé said they had no contact in the last two weeks, 2 check-ins in a row.']
		});
		// A later check-in that goes well clears the earlier one's request.
		await answer(asking.pairId, 'protege', 1, fine);
		expect(await statusOf(asking.pairId, '2027-04-14')).toEqual({ status: 'ok', reasons: [] });
	});
});
