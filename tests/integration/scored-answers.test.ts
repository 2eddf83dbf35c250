import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../src/lib/alignment/pair-alignment';
import { loadScoredAnswers } from '../../src/lib/server/analytics/submitted-answers';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { submitAssignment } from '../../src/lib/server/survey/answers';
import {
	answerSurvey,
	assignmentOf,
	highEnd,
	itemsFor,
	surveyOf,
	type Survey
} from '../helpers/answers';
import { createTestDatabase, openAnotherConnection, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let survey: Survey;
let people: string[];

const kept = async (db = t.db) =>
	Object.fromEntries(
		(await db.selectFrom('scored_answers').select(['assignment_id', 'answers']).execute()).map(
			(row) => [row.assignment_id, JSON.parse(row.answers) as Record<string, string>]
		)
	);

/** What the metrics read of these surveys, through a connection with nothing in memory yet. */
async function readFresh(ids: string[]): Promise<Map<string, AnswerSet>> {
	const db = openAnotherConnection(t);
	try {
		const answers = await loadScoredAnswers(
			db,
			ids.map((id) => ({ id, round: survey.round }))
		);
		return new Map(answers);
	} finally {
		await db.destroy();
	}
}

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'coord@a.org');
	program = await createTestProgram(t.db, staff);
	people = await addPeople(t.db, staff, program.id, 'protege', 3);
	survey = await surveyOf(t.db, await openTestRound(t.db, staff, program, 'pre'));
});
afterAll(async () => {
	await t?.close();
});

describe('a sent survey keeps its scored answers in one row', () => {
	it('writes the row when the survey is sent, free text left out, and once only', async () => {
		const id = await assignmentOf(t.db, survey.round.id, { participantId: people[0]! });
		const answers = await answerSurvey(t.db, survey, 'protege', id, highEnd, { submit: false });
		expect(await kept()).toEqual({});

		await submitAssignment(t.db, id);
		await submitAssignment(t.db, id);
		const items = itemsFor(survey, 'protege');
		const scored = items.filter((item) => item.type !== 'text');
		expect(scored.length).toBeGreaterThan(10);
		expect(items.some((item) => item.type === 'text')).toBe(true);
		const multi = new Set(items.filter((item) => item.type === 'multi').map((item) => item.key));
		const stored = Object.fromEntries(
			scored
				.filter((item) => answers[item.key]!.length > 0)
				.map((item) => [
					item.key,
					JSON.stringify(multi.has(item.key) ? answers[item.key] : answers[item.key]![0])
				])
		);
		expect((await kept())[id]).toEqual(stored);
	});

	it('gives the metrics the same answers from that row as from the answers themselves', async () => {
		const id = await assignmentOf(t.db, survey.round.id, { participantId: people[1]! });
		await answerSurvey(t.db, survey, 'protege', id, highEnd, {
			changes: { focus_job_leads: ['2'] }
		});
		const first = await assignmentOf(t.db, survey.round.id, { participantId: people[0]! });
		const fromRows = await readFresh([first, id]);
		await t.db.deleteFrom('scored_answers').execute();
		const fromAnswers = await readFresh([first, id]);
		expect(fromRows).toEqual(fromAnswers);
		expect(fromRows.get(id)!['focus_job_leads']).toEqual(['2']);
	});

	it('fills in the rows of surveys sent before the migration that adds them', async () => {
		const id = await assignmentOf(t.db, survey.round.id, { participantId: people[2]! });
		await answerSurvey(t.db, survey, 'protege', id, highEnd);
		const before = await kept();
		expect(Object.keys(before)).toContain(id);
		const migrator = new Migrator({ db: t.db, provider: bundledMigrations });
		const down = await migrator.migrateTo('2026_12_08_0900_add_survey_languages');
		expect(down.results?.map((r) => r.migrationName)).toContain(
			'2026_12_09_0900_create_scored_answers'
		);
		expect((await migrator.migrateToLatest()).error).toBeUndefined();
		// Also the two whose rows the test above deleted.
		const after = await kept();
		expect(Object.keys(after).sort()).toHaveLength(3);
		expect(after[id]).toEqual(before[id]);
	});
});
