import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	loadAnswers,
	savePageAnswers,
	submitAssignment
} from '../../src/lib/server/survey/answers';
import { assignmentOf } from '../helpers/answers';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let assignmentIds: string[];
const MULTI = new Set(['ways']);

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	const staff = await staffByEmail(t.db, 'coord@a.org');
	const program = await createTestProgram(t.db, staff);
	const proteges = await addPeople(t.db, staff, program.id, 'protege', 30);
	const roundId = await openTestRound(t.db, staff, program, 'pre');
	assignmentIds = await Promise.all(
		proteges.map((participantId) => assignmentOf(t.db, roundId, { participantId }))
	);
});
afterAll(() => t.close());

const progress = (id: string) =>
	t.db
		.selectFrom('assignments')
		.select(['status', 'last_page'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();

describe('saving a survey page', () => {
	it('writes answered questions, replaces changed ones and removes cleared ones', async () => {
		const [id] = assignmentIds;
		await savePageAnswers(
			t.db,
			id!,
			{ often: ['3'], ways: ['video', 'phone'], note: ['Hi'] },
			2,
			MULTI
		);
		expect(await loadAnswers(t.db, id!)).toEqual({
			often: ['3'],
			ways: ['video', 'phone'],
			note: ['Hi']
		});
		await savePageAnswers(t.db, id!, { often: ['4'], ways: [], note: ['Hi'] }, 3, MULTI);
		expect(await loadAnswers(t.db, id!)).toEqual({ often: ['4'], note: ['Hi'] });
		expect(await progress(id!)).toEqual({ status: 'in_progress', last_page: 3 });
	});

	it('keeps every one of many saves arriving at once, each to its own survey', async () => {
		const saved = await Promise.all(
			assignmentIds.map((id, i) => savePageAnswers(t.db, id, { often: [String(i % 5)] }, 2, MULTI))
		);
		expect(saved.every((result) => result === 'saved')).toBe(true);
		for (const [i, id] of assignmentIds.entries())
			expect((await loadAnswers(t.db, id)).often).toEqual([String(i % 5)]);
	});

	it('changes nothing of a sent survey, even in the same commit as other saves', async () => {
		const [, sent, open] = assignmentIds;
		await submitAssignment(t.db, sent!);
		const before = await loadAnswers(t.db, sent!);
		const results = await Promise.all([
			savePageAnswers(t.db, sent!, { often: ['1'], late: ['yes'] }, 4, MULTI),
			savePageAnswers(t.db, open!, { often: ['1'] }, 4, MULTI)
		]);
		expect(results).toEqual(['submitted', 'saved']);
		expect(await loadAnswers(t.db, sent!)).toEqual(before);
		expect((await progress(sent!)).status).toBe('submitted');
	});
});
