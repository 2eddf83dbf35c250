import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	analysePair,
	analyseProgram,
	type ProgramAnalysis
} from '../../src/lib/alignment/program-analysis';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createEmployer } from '../../src/lib/server/employers/employers';
import {
	loadProgramEvidence,
	type LoadedProgram
} from '../../src/lib/server/analytics/program-evidence';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import {
	answerSurvey,
	assignmentOf,
	highEnd,
	lowEnd,
	surveyOf,
	type Survey
} from '../helpers/answers';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let pairIds: string[];
let loaded: LoadedProgram;
let withAnswers: LoadedProgram;
let analysis: ProgramAnalysis;

const TODAY = '2026-11-25';

async function openWave(wave: 'pre' | 'mid', opensOn: string): Promise<Survey> {
	const roundId = await openTestRound(t.db, staff, program, wave, {
		opensOn: TODAY,
		closesOn: '2026-12-31'
	});
	await t.db.updateTable('rounds').set({ opens_on: opensOn }).where('id', '=', roundId).execute();
	return surveyOf(t.db, roundId);
}

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'coord@a.org');
	program = await createTestProgram(t.db, staff);
	const mentors = await addPeople(t.db, staff, program.id, 'mentor', 3);
	const proteges = await addPeople(t.db, staff, program.id, 'protege', 3);
	const [contact] = await addPeople(t.db, staff, program.id, 'employer', 1);
	const employerId = await createEmployer(t.db, staff.organization_id, 'Acme');
	await t.db
		.updateTable('participants')
		.set({ employer_id: employerId })
		.where('id', '=', contact!)
		.execute();
	pairIds = [];
	for (const i of [0, 1, 2]) {
		const created = await createPair(
			t.db,
			staff,
			program,
			{
				mentorId: mentors[i]!,
				protegeId: proteges[i]!,
				employerId: i === 1 ? employerId : null,
				coordinatorId: null
			},
			null
		);
		if (!created.ok) throw new Error(created.reason);
		pairIds.push(created.pairId);
	}

	// Before the program, opened 20 days ago: a survey per person, not per pair.
	const pre = await openWave('pre', '2026-11-05');
	const answer = async (
		survey: Survey,
		participantId: string,
		role: 'mentor' | 'protege' | 'employer',
		changes = {}
	) =>
		answerSurvey(
			t.db,
			survey,
			role,
			await assignmentOf(t.db, survey.round.id, { participantId }),
			highEnd,
			{
				changes
			}
		);
	// Pair 0: the protégé counts on job leads, the mentor does not.
	await answer(pre, mentors[0]!, 'mentor', { focus_job_leads: ['1'] });
	await answer(pre, proteges[0]!, 'protege', { focus_job_leads: ['5'] });
	// Pair 1: both agree; their employer contact too; the coordinator sees things differently.
	await answer(pre, mentors[1]!, 'mentor');
	await answer(pre, proteges[1]!, 'protege');
	await answer(pre, contact!, 'employer');
	await answerSurvey(
		t.db,
		pre,
		'staff',
		await assignmentOf(t.db, pre.round.id, { staffId: staff.id }),
		lowEnd
	);
	// Pair 2: only the protégé answered; the mentor is silent 20 days after opening.
	await answer(pre, proteges[2]!, 'protege');

	// Check-in, opened today: pair 1's protégé asks to be contacted; nobody else has answered yet.
	const mid = await openWave('mid', TODAY);
	const midAnswer = async (participantId: string, role: 'mentor' | 'protege', changes = {}) =>
		answerSurvey(
			t.db,
			mid,
			role,
			await t.db
				.selectFrom('assignments')
				.select('id')
				.where('round_id', '=', mid.round.id)
				.where('participant_id', '=', participantId)
				.executeTakeFirstOrThrow()
				.then((row) => row.id),
			highEnd,
			{ changes }
		);
	await midAnswer(mentors[1]!, 'mentor');
	await midAnswer(proteges[1]!, 'protege', { check_in_contact_request: ['yes'] });

	loaded = await loadProgramEvidence(t.db, program, { today: TODAY });
	analysis = analyseProgram(loaded.evidence);
	withAnswers = await loadProgramEvidence(t.db, program, { today: TODAY, withAnswers: true });
});

afterAll(() => t.close());

describe('loading a whole program for the metrics', () => {
	const pair = (index: number) => analysis.pairs.find((p) => p.pairId === pairIds[index])!;

	it('links each person’s pre survey to their pair', () => {
		const answers = withAnswers.evidence.waves.pre.byPair.get(pairIds[0]!);
		expect(answers?.mentor?.focus_job_leads).toEqual(['1']);
		expect(answers?.protege?.focus_job_leads).toEqual(['5']);
	});

	it('flags the critical mismatch, the contact request and the silent mentor', () => {
		expect(pair(0).status).toBe('at_risk');
		expect(pair(0).reasons.map((r) => r.reason)).toContainEqual(
			expect.objectContaining({
				kind: 'critical_mismatch',
				itemKey: 'focus_job_leads',
				mentor: '1',
				protege: '5'
			})
		);
		expect(pair(1).reasons.map((r) => r.reason)).toEqual([
			{ kind: 'contact_request', person: 'protege' }
		]);
		expect(pair(2).reasons.map((r) => r.reason)).toEqual([
			{ kind: 'overdue', person: 'mentor', wave: 'pre' }
		]);
	});

	it('does not call a survey overdue before its time', () => {
		// The check-in opened today: unsent check-ins are not silence yet.
		expect(
			analysis.pairs.flatMap((p) => p.reasons).filter((r) => r.reason.kind === 'overdue')
		).toHaveLength(1);
	});

	it('gives the same analysis from kept assessments as from every answer', () => {
		expect(loaded.evidence.waves.pre.byPair.size).toBe(0);
		expect(loaded.evidence.assessed?.size).toBe(pairIds.length);
		expect(analyseProgram(withAnswers.evidence)).toEqual(analysis);
	});

	it('compares with the employer contact and the staff baseline', () => {
		const { evidence } = withAnswers;
		const full = (index: number) =>
			analysePair(
				evidence,
				evidence.pairs.find((p) => p.id === pairIds[index])!
			);
		expect(full(1).waves.pre.mentorEmployer.score).toBe(1);
		expect(full(1).waves.pre.mentorStaff.score).toBeLessThan(0.5);
		expect(full(0).waves.pre.mentorEmployer.score).toBeNull();
	});

	it('counts answers by round and role', () => {
		const [pre, mid] = loaded.rounds;
		expect(pre!.roles).toEqual([
			{ role: 'protege', total: 3, submitted: 3 },
			{ role: 'mentor', total: 3, submitted: 2 },
			{ role: 'employer', total: 1, submitted: 1 },
			{ role: 'staff', total: 1, submitted: 1 }
		]);
		expect(mid!.roles.find((r) => r.role === 'protege')).toEqual({
			role: 'protege',
			total: 3,
			submitted: 1
		});
	});

	it('loads one pair with the same result as the whole program', async () => {
		for (const [index, pairId] of pairIds.entries()) {
			const scoped = await loadProgramEvidence(t.db, program, { today: TODAY, pairId });
			expect(analyseProgram(scoped.evidence).pairs).toEqual([pair(index)]);
		}
	});

	it('renders an empty program', async () => {
		const empty = await createTestProgram(t.db, staff, { name: 'Empty' });
		const nothing = analyseProgram(
			(await loadProgramEvidence(t.db, empty, { today: TODAY })).evidence
		);
		expect(nothing.pairs).toEqual([]);
	});
});

describe('the people a pair is compared with', () => {
	it('come in id order, whatever order they answered in', async () => {
		const people = ['a', 'b', 'c', 'd', 'e'];
		const { organizationId, staffIds } = await createOrganizationWithStaff(
			t.db,
			'Five',
			people.map((p) => ({ email: `coord-${p}@five.org`, role: 'coordinator' as const }))
		);
		const coordinator = await staffByEmail(t.db, 'coord-a@five.org');
		const five = await createTestProgram(t.db, coordinator);
		const employerId = await createEmployer(t.db, organizationId, 'Five Foods');
		const contacts = await addPeople(t.db, coordinator, five.id, 'employer', people.length);
		await t.db
			.updateTable('participants')
			.set({ employer_id: employerId })
			.where('id', 'in', contacts)
			.execute();
		const survey = await surveyOf(t.db, await openTestRound(t.db, coordinator, five, 'pre'));
		const scaleFor = (role: 'staff' | 'employer') =>
			survey.document.constructs
				.flatMap((c) => c.items)
				.find(
					(item) =>
						item.wave === 'pre' &&
						item.type === 'scale' &&
						item.wording[role] &&
						item.options!.filter((o) => !o.missing).length >= people.length
				)!;
		// Each person picks their own option of one scale, so that their answers can be told apart.
		const answerEach = async (
			role: 'staff' | 'employer',
			ids: string[]
		): Promise<Map<string, string>> => {
			const item = scaleFor(role);
			const picked = new Map<string, string>();
			for (const [i, id] of ids.entries()) {
				const value = item.options!.filter((o) => !o.missing)[i]!.value;
				const person = role === 'staff' ? { staffId: id } : { participantId: id };
				const assignment = await assignmentOf(t.db, survey.round.id, person);
				await answerSurvey(t.db, survey, role, assignment, highEnd, {
					changes: { [item.key]: [value] }
				});
				picked.set(id, value);
			}
			return picked;
		};
		const byStaff = await answerEach('staff', staffIds);
		const byContact = await answerEach('employer', contacts);

		const { evidence } = await loadProgramEvidence(t.db, five);
		const inIdOrder = (picked: Map<string, string>) =>
			[...picked.keys()].sort().map((id) => picked.get(id));
		expect(evidence.waves.pre.staff.map((a) => a[scaleFor('staff').key]?.[0])).toEqual(
			inIdOrder(byStaff)
		);
		expect(
			evidence.waves.pre.byEmployer.get(employerId)!.map((a) => a[scaleFor('employer').key]?.[0])
		).toEqual(inIdOrder(byContact));
	});
});
