import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import type { Db } from '../../src/lib/server/db/open';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { answerSurvey, assignmentOf, highEnd, surveyOf, type Survey } from '../helpers/answers';
import { createTestDatabase, openAnotherConnection, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

const TODAY = '2026-11-25';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let survey: Survey;
let mentor: string;
let protege: string;
let pairId: string;

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	program = await createTestProgram(t.db, staff);
	[mentor] = (await addPeople(t.db, staff, program.id, 'mentor', 1)) as [string];
	[protege] = (await addPeople(t.db, staff, program.id, 'protege', 1)) as [string];
	const created = await createPair(
		t.db,
		staff,
		program,
		{ mentorId: mentor, protegeId: protege, employerId: null, coordinatorId: null },
		null
	);
	if (!created.ok) throw new Error(created.reason);
	pairId = created.pairId;
	survey = await surveyOf(
		t.db,
		await openTestRound(t.db, staff, program, 'pre', { opensOn: TODAY, closesOn: '2026-12-31' })
	);
	for (const [person, role, value] of [
		[mentor, 'mentor', '1'],
		[protege, 'protege', '5']
	] as const) {
		const id = await assignmentOf(t.db, survey.round.id, { participantId: person });
		await answerSurvey(t.db, survey, role, id, highEnd, { changes: { focus_job_leads: [value] } });
	}
});

afterAll(() => t.close());

/** The pair's risk as a server process with nothing in memory sees it. */
async function statusInNewProcess(of: Program = program): Promise<string | undefined> {
	const connection: Db = openAnotherConnection(t);
	try {
		const { evidence } = await loadProgramEvidence(connection, of, { today: TODAY });
		return analyseProgram(evidence).pairs.find((pair) => pair.pairId === pairId)?.status;
	} finally {
		await connection.destroy();
	}
}

const kept = () =>
	t.db.selectFrom('pair_assessments').selectAll().where('pair_id', '=', pairId).executeTakeFirst();

describe('pair assessments kept in the database', () => {
	it('are written when a pair is first assessed, and read by a new process', async () => {
		expect(await kept()).toBeUndefined();
		expect(await statusInNewProcess()).toBe('at_risk');
		const row = (await kept())!;
		expect(row.program_id).toBe(program.id);
		// Changed behind its back, the kept row is what a new process shows: it reads, not recomputes.
		const assessment = JSON.parse(row.assessment);
		assessment.status = 'ok';
		await t.db
			.updateTable('pair_assessments')
			.set({ assessment: JSON.stringify(assessment) })
			.where('pair_id', '=', pairId)
			.execute();
		expect(await statusInNewProcess()).toBe('ok');
	});

	it('are worked out again when what they were worked out from changes', async () => {
		const before = (await kept())!.fingerprint;
		await t.db
			.updateTable('programs')
			.set({ watch_threshold: 0.8 })
			.where('id', '=', program.id)
			.execute();
		const changed = { ...program, watch_threshold: 0.8 };
		expect(await statusInNewProcess(changed)).toBe('at_risk');
		expect((await kept())!.fingerprint).not.toBe(before);

		// One more survey sent (the mid check-in) changes the pair's fingerprint too.
		const fingerprint = (await kept())!.fingerprint;
		const mid = await surveyOf(
			t.db,
			await openTestRound(t.db, staff, changed, 'mid', { opensOn: TODAY, closesOn: '2026-12-31' })
		);
		const id = await assignmentOf(t.db, mid.round.id, { participantId: mentor });
		await answerSurvey(t.db, mid, 'mentor', id, highEnd);
		expect(await statusInNewProcess(changed)).toBe('at_risk');
		expect((await kept())!.fingerprint).not.toBe(fingerprint);
		const fromAnswers = await loadProgramEvidence(t.db, changed, {
			today: TODAY,
			withAnswers: true
		});
		const stored = await loadProgramEvidence(t.db, changed, { today: TODAY });
		expect(analyseProgram(stored.evidence)).toEqual(analyseProgram(fromAnswers.evidence));
	});

	it('leave with their pair', async () => {
		await t.db.deleteFrom('pairs').where('id', '=', pairId).execute();
		expect(await kept()).toBeUndefined();
	});
});
