import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	listPairsNeedingAttention,
	type Attention,
	type AttentionList
} from '../../src/lib/server/analytics/attention';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { changePairStatus, createPair } from '../../src/lib/server/pairs/pair-actions';
import type { Answers } from '../../src/lib/survey/page-answers';
import { answerSurvey, assignmentOf, highEnd, surveyOf, type Survey } from '../helpers/answers';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

const TODAY = '2026-11-25';
const MISMATCH = { mentor: { focus_job_leads: ['1'] }, protege: { focus_job_leads: ['5'] } };

let t: TestDatabase;
let attention: Attention;

/** How a pair answers: `pre`/`mid` changes per person, `silent` people never answer. */
interface Story {
	pre?: { mentor?: Answers; protege?: Answers };
	mid?: { mentor?: Answers; protege?: Answers };
	silent?: ('mentor' | 'protege')[];
	ends?: boolean;
}

async function openWave(
	staff: StaffUserRow,
	program: Program,
	wave: 'pre' | 'mid',
	opensOn: string
) {
	const roundId = await openTestRound(t.db, staff, program, wave, {
		opensOn,
		closesOn: '2026-12-31'
	});
	return surveyOf(t.db, roundId);
}

/** A program whose pairs live the stories given, in order; returns the pair ids. */
async function cohort(staff: StaffUserRow, name: string, stories: Story[]): Promise<string[]> {
	const program = await createTestProgram(t.db, staff, { name });
	const mentors = await addPeople(t.db, staff, program.id, 'mentor', stories.length);
	const proteges = await addPeople(t.db, staff, program.id, 'protege', stories.length);
	const pairIds: string[] = [];
	for (const [i] of stories.entries()) {
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
	const answerAll = async (survey: Survey, wave: 'pre' | 'mid') => {
		for (const [i, story] of stories.entries()) {
			for (const role of ['mentor', 'protege'] as const) {
				if (story.silent?.includes(role)) continue;
				const participantId = role === 'mentor' ? mentors[i]! : proteges[i]!;
				const assignment = await assignmentOf(t.db, survey.round.id, { participantId });
				await answerSurvey(t.db, survey, role, assignment, highEnd, {
					changes: story[wave]?.[role] ?? {}
				});
			}
		}
	};
	// The survey before the program opened 20 days ago: silence now counts. The check-in opens today.
	await answerAll(await openWave(staff, program, 'pre', '2026-11-05'), 'pre');
	await answerAll(await openWave(staff, program, 'mid', TODAY), 'mid');
	for (const [i, story] of stories.entries()) {
		if (!story.ends) continue;
		const ended = await changePairStatus(
			t.db,
			staff,
			{ id: pairIds[i]!, status: 'active' },
			{ status: 'ended_early', reason: 'Moved away', closureReason: 'moved_away' },
			null
		);
		if (!ended.ok) throw new Error(ended.reason);
	}
	return pairIds;
}

const pairsIn = (list: AttentionList) => list.entries.map((entry) => entry.pairId);

let spring: string[];
let fall: string[];
let closed: string[];
let elsewhere: string[];

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	await createOrganizationWithStaff(t.db, 'B', [{ email: 'coord@b.org', role: 'coordinator' }]);
	const a = await staffByEmail(t.db, 'coord@a.org');
	const b = await staffByEmail(t.db, 'coord@b.org');

	spring = await cohort(a, 'Spring', [
		// At risk, and the protégé asks to be contacted at the check-in.
		{ pre: MISMATCH, mid: { protege: { check_in_contact_request: ['yes'] } } },
		// Well aligned.
		{},
		// The mentor never answers.
		{ silent: ['mentor'] },
		// At risk, but the pair has ended.
		{ pre: MISMATCH, ends: true },
		// Silent, but the pair has ended.
		{ silent: ['protege'], ends: true }
	]);
	fall = await cohort(a, 'Fall', [
		{ pre: MISMATCH },
		{ mid: { mentor: { check_in_contact_request: ['yes'] } } },
		{ silent: ['protege'] }
	]);
	closed = await cohort(a, 'Closed', [{ pre: MISMATCH }]);
	await t.db
		.updateTable('programs')
		.set({ status: 'closed' })
		.where('name', '=', 'Closed')
		.execute();
	elsewhere = await cohort(b, 'Other organization', [
		{ pre: MISMATCH, mid: { protege: { check_in_contact_request: ['yes'] } } },
		{ silent: ['mentor'] }
	]);

	attention = await listPairsNeedingAttention(t.db, a.organization_id, 'en', { today: TODAY });
});

afterAll(() => t.close());

describe('what needs attention across an organization’s programs', () => {
	it('lists the running pairs at risk of both programs, with their reasons in words', () => {
		expect(new Set(pairsIn(attention.atRisk))).toEqual(new Set([spring[0], fall[0]]));
		expect(attention.atRisk.total).toBe(2);
		const entry = attention.atRisk.entries.find((e) => e.pairId === fall[0])!;
		expect(entry).toMatchObject({
			programName: 'Fall',
			mentorName: 'mentor 1',
			protegeName: 'protege 1',
			status: 'at_risk'
		});
		expect(entry.reasons[0]).toMatch(/job leads/i);
	});

	it('shows every request to be contacted, even from a pair already at risk', () => {
		expect(new Set(pairsIn(attention.contactRequests))).toEqual(new Set([spring[0], fall[1]]));
		const atRisk = attention.contactRequests.entries.find((e) => e.pairId === spring[0])!;
		expect(atRisk.status).toBe('at_risk');
		expect(atRisk.reasons).toEqual(['The protégé asked for a coordinator to contact them.']);
		const mentor = attention.contactRequests.entries.find((e) => e.pairId === fall[1])!;
		expect(mentor).toMatchObject({ status: 'watch', programName: 'Fall' });
		expect(mentor.reasons).toEqual(['The mentor asked for a coordinator to contact them.']);
	});

	it('says who has not answered which survey', () => {
		expect(attention.overdue.entries.map((e) => [e.pairId, e.programName, e.reasons])).toEqual(
			expect.arrayContaining([
				[spring[2], 'Spring', ['The mentor has not answered the survey before the program.']],
				[fall[2], 'Fall', ['The protégé has not answered the survey before the program.']]
			])
		);
		expect(attention.overdue.total).toBe(2);
	});

	it('leaves out ended pairs, closed programs and other organizations', () => {
		const listed = [attention.atRisk, attention.contactRequests, attention.overdue].flatMap(
			pairsIn
		);
		for (const pairId of [spring[1], spring[3], spring[4], ...closed, ...elsewhere])
			expect(listed).not.toContain(pairId);
	});

	it('caps each list and counts the rest per program', async () => {
		const a = await staffByEmail(t.db, 'coord@a.org');
		const capped = await listPairsNeedingAttention(t.db, a.organization_id, 'en', {
			today: TODAY,
			limit: 1
		});
		expect(capped.atRisk.entries).toHaveLength(1);
		expect(capped.atRisk.total).toBe(2);
		const shown = capped.atRisk.entries[0]!.programName;
		expect(capped.atRisk.hidden).toEqual([
			expect.objectContaining({ programName: shown === 'Spring' ? 'Fall' : 'Spring', count: 1 })
		]);
	});

	it('speaks the coordinator’s language', async () => {
		const a = await staffByEmail(t.db, 'coord@a.org');
		const french = await listPairsNeedingAttention(t.db, a.organization_id, 'fr', { today: TODAY });
		const entry = french.overdue.entries.find((e) => e.pairId === spring[2])!;
		expect(entry.reasons).toEqual([
			'Le mentor n’a pas répondu au questionnaire d’avant le programme.'
		]);
	});

	it('has nothing to say about an organization whose pairs are fine', async () => {
		const { organizationId } = await createOrganizationWithStaff(t.db, 'C', [
			{ email: 'coord@c.org', role: 'coordinator' }
		]);
		await cohort(await staffByEmail(t.db, 'coord@c.org'), 'Calm', [{}, {}]);
		const calm = await listPairsNeedingAttention(t.db, organizationId, 'en', { today: TODAY });
		expect([calm.atRisk.total, calm.contactRequests.total, calm.overdue.total]).toEqual([0, 0, 0]);
	});
});

describe('pairs at equal risk', () => {
	it('are listed by name, whatever order they were made in', async () => {
		const { organizationId } = await createOrganizationWithStaff(t.db, 'D', [
			{ email: 'coord@d.org', role: 'coordinator' }
		]);
		const pairIds = await cohort(await staffByEmail(t.db, 'coord@d.org'), 'Alike', [
			{ pre: MISMATCH },
			{ pre: MISMATCH },
			{ pre: MISMATCH }
		]);
		// Names in the reverse of the ids' order, so that neither id nor insertion order passes.
		const named = [...pairIds].sort().reverse();
		for (const [i, pairId] of named.entries()) {
			const { protege_id } = await t.db
				.selectFrom('pairs')
				.select('protege_id')
				.where('id', '=', pairId)
				.executeTakeFirstOrThrow();
			await t.db
				.updateTable('participants')
				.set({ name: ['Aline', 'Bruno', 'Chloé'][i]! })
				.where('id', '=', protege_id)
				.execute();
		}
		const alike = await listPairsNeedingAttention(t.db, organizationId, 'en', { today: TODAY });
		expect(alike.atRisk.entries.map((e) => [e.protegeName, e.pairId])).toEqual([
			['Aline', named[0]],
			['Bruno', named[1]],
			['Chloé', named[2]]
		]);
	});
});
