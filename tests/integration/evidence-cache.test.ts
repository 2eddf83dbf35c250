import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { changePairStatusIn, createPair } from '../../src/lib/server/pairs/pair-actions';
import { submitAssignment } from '../../src/lib/server/survey/answers';
import { answerSurvey, assignmentOf, highEnd, surveyOf, type Survey } from '../helpers/answers';
import { createTestDatabase, openAnotherConnection, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

const TODAY = '2026-11-25';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let survey: Survey;
let mentors: string[];
let proteges: string[];
let pairIds: string[];

const load = (today = TODAY) => loadProgramEvidence(t.db, program, { today });
/** A program's evidence with every pair's answers, nothing kept: what a fresh build compares with. */
const answersOf = (db: typeof t.db, of: Program) =>
	loadProgramEvidence(db, of, { today: TODAY, withAnswers: true });
const answer = async (participantId: string, role: 'mentor' | 'protege', changes = {}) =>
	answerSurvey(
		t.db,
		survey,
		role,
		await assignmentOf(t.db, survey.round.id, { participantId }),
		highEnd,
		{ changes }
	);

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	program = await createTestProgram(t.db, staff);
	mentors = await addPeople(t.db, staff, program.id, 'mentor', 2);
	proteges = await addPeople(t.db, staff, program.id, 'protege', 2);
	pairIds = [];
	for (const i of [0, 1]) {
		const created = await createPair(
			t.db,
			staff,
			program,
			{ mentorId: mentors[i]!, protegeId: proteges[i]!, employerId: null, coordinatorId: null },
			null
		);
		if (!created.ok) throw new Error(created.reason);
		pairIds.push(created.pairId);
	}
	const roundId = await openTestRound(t.db, staff, program, 'pre', {
		opensOn: TODAY,
		closesOn: '2026-12-31'
	});
	survey = await surveyOf(t.db, roundId);
	await answer(mentors[0]!, 'mentor', { focus_job_leads: ['1'] });
	await answer(proteges[0]!, 'protege', { focus_job_leads: ['5'] });
});

afterAll(() => t.close());

/** Another program, with one mentor and one protégé paired. */
async function programOfOnePair() {
	const other = await createTestProgram(t.db, staff);
	const [mentor] = await addPeople(t.db, staff, other.id, 'mentor', 1);
	const [protege] = await addPeople(t.db, staff, other.id, 'protege', 1);
	const pair = { mentorId: mentor!, protegeId: protege!, employerId: null, coordinatorId: null };
	const created = await createPair(t.db, staff, other, pair, null);
	if (!created.ok) throw new Error(created.reason);
	return { other, mentor, protege, created };
}

describe('a program’s evidence kept between views', () => {
	it('is reused, analysis included, while nothing it was built from changes', async () => {
		const first = await load();
		const again = await load();
		expect(again).toBe(first);
		expect(analyseProgram(again.evidence)).toBe(analyseProgram(first.evidence));
	});

	it('is built anew after a submission, with the new answers', async () => {
		const before = await load();
		expect(before.evidence.assessed?.get(pairIds[1]!)?.positions.pre.mentor).toBeUndefined();
		await answer(mentors[1]!, 'mentor', { focus_job_leads: ['2'] });
		const after = await load();
		expect(after).not.toBe(before);
		expect(after.evidence.assessed?.get(pairIds[1]!)?.positions.pre.mentor).toBeDefined();
		const answers = (await answersOf(t.db, program)).evidence.waves.pre.byPair;
		expect(answers.get(pairIds[1]!)?.mentor?.focus_job_leads).toEqual(['2']);
		expect(after.rounds[0]!.roles.find((r) => r.role === 'mentor')?.submitted).toBe(2);
	});

	it('is built anew after a pair’s status changes', async () => {
		const before = await load();
		const changed = await changePairStatusIn(
			t.db,
			staff,
			program.id,
			pairIds[1]!,
			{ status: 'paused', reason: 'Travel' },
			null
		);
		expect(changed.ok).toBe(true);
		const after = await load();
		expect(after).not.toBe(before);
		expect(analyseProgram(after.evidence).pairs).toHaveLength(2);
	});

	it('is built anew when a round’s dates change or on another day', async () => {
		const before = await load();
		await t.db
			.updateTable('rounds')
			.set({ opens_on: '2026-10-01' })
			.where('id', '=', survey.round.id)
			.execute();
		const moved = await load();
		expect(moved).not.toBe(before);
		// The protégé of pair 1 has been silent for more than two weeks now.
		expect(analyseProgram(moved.evidence).pairs.find((p) => p.pairId === pairIds[1])).toEqual(
			expect.objectContaining({ status: 'watch' })
		);
		expect(await load('2026-11-26')).not.toBe(moved);
	});

	it('leaves free text out of a whole program, and keeps it for one pair', async () => {
		await answer(proteges[1]!, 'protege', { check_in_anything_else: ['Call me on Fridays'] });
		const whole = await answersOf(t.db, program);
		const scoped = await loadProgramEvidence(t.db, program, { today: TODAY, pairId: pairIds[1] });
		const wholeAnswers = whole.evidence.waves.pre.byPair.get(pairIds[1]!)?.protege;
		const pairAnswers = scoped.evidence.waves.pre.byPair.get(pairIds[1]!)?.protege;
		expect(wholeAnswers?.check_in_anything_else).toBeUndefined();
		expect(pairAnswers?.check_in_anything_else).toEqual(['Call me on Fridays']);
		expect(wholeAnswers?.focus_job_leads).toEqual(pairAnswers?.focus_job_leads);
	});
});

describe('a program’s evidence updated in place', () => {
	it('reads a survey sent with an earlier time than the last one, as a fresh build does', async () => {
		const { other, mentor, protege, created } = await programOfOnePair();
		const round = await surveyOf(
			t.db,
			await openTestRound(t.db, staff, other, 'pre', { opensOn: TODAY, closesOn: '2026-12-31' })
		);
		const answerAs = async (participantId: string, role: 'mentor' | 'protege', submit = true) => {
			const id = await assignmentOf(t.db, round.round.id, { participantId });
			await answerSurvey(t.db, round, role, id, highEnd, {
				changes: { focus_job_leads: ['4'] },
				submit
			});
			return id;
		};
		await answerAs(mentor!, 'mentor');
		const loadOther = () => loadProgramEvidence(t.db, other, { today: TODAY });
		const before = await loadOther();
		const id = await answerAs(protege!, 'protege', false);
		await submitAssignment(t.db, id, 1_000);
		const after = await loadOther();
		expect(after).not.toBe(before);
		expect(after.evidence.assessed?.get(created.pairId)?.positions.pre.protege).toBeDefined();
		const connection = openAnotherConnection(t);
		try {
			const fresh = await answersOf(connection, other);
			expect(fresh.evidence.waves.pre.byPair.get(created.pairId)?.protege?.focus_job_leads).toEqual(
				['4']
			);
			expect(analyseProgram(after.evidence)).toEqual(analyseProgram(fresh.evidence));
			expect(after.rounds).toEqual(fresh.rounds);
		} finally {
			await connection.destroy();
		}
	});
});

describe('a program’s evidence after more surveys are sent', () => {
	it('takes in only those surveys, as a fresh build does: the overdue leave, later rounds stay', async () => {
		const { other, mentor, protege, created } = await programOfOnePair();
		// An earlier round of the same wave, open long enough for its unsent surveys to be overdue.
		const early = await surveyOf(
			t.db,
			await openTestRound(t.db, staff, other, 'pre', {
				opensOn: '2026-10-01',
				closesOn: '2026-12-31'
			})
		);
		const late = await surveyOf(
			t.db,
			await openTestRound(t.db, staff, other, 'pre', { opensOn: TODAY, closesOn: '2026-12-31' })
		);
		const send = async (
			round: Survey,
			participantId: string,
			role: 'mentor' | 'protege',
			value: string
		) => {
			const id = await assignmentOf(t.db, round.round.id, { participantId });
			await answerSurvey(t.db, round, role, id, highEnd, { changes: { focus_job_leads: [value] } });
		};
		const loadOther = () => loadProgramEvidence(t.db, other, { today: TODAY });
		const asFresh = async () => {
			const kept = await loadOther();
			const connection = openAnotherConnection(t);
			try {
				// From every answer, and as a new process reads it (the assessments kept in the database).
				const fresh = await answersOf(connection, other);
				const stored = await loadProgramEvidence(connection, other, { today: TODAY });
				expect(kept.evidence.overdue).toEqual(fresh.evidence.overdue);
				expect(analyseProgram(kept.evidence)).toEqual(analyseProgram(fresh.evidence));
				expect(analyseProgram(stored.evidence)).toEqual(analyseProgram(fresh.evidence));
				expect(kept.rounds).toEqual(fresh.rounds);
				return fresh.evidence;
			} finally {
				await connection.destroy();
			}
		};

		await send(late, mentor!, 'mentor', '5');
		const first = await asFresh();
		expect(first.overdue.get(created.pairId)).toEqual([{ person: 'protege', wave: 'pre' }]);

		// The mentor's earlier round arrives after the later one: the later answers stay.
		await send(early, mentor!, 'mentor', '1');
		const second = await asFresh();
		expect(second.waves.pre.byPair.get(created.pairId)?.mentor?.focus_job_leads).toEqual(['5']);

		// The protégé's overdue survey is sent: the pair has nothing overdue left.
		await send(early, protege!, 'protege', '2');
		const third = await asFresh();
		expect(third.overdue.get(created.pairId)).toBeUndefined();
		expect(third.waves.pre.byPair.get(created.pairId)?.protege?.focus_job_leads).toEqual(['2']);
	});
});
