import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { removeMatchLock, setMatchLock } from '../../src/lib/server/matching/match-locks';
import {
	bestMentorsView,
	buildMatchingView,
	previewManualPair
} from '../../src/lib/server/matching/matching-view';
import { createPair, createSuggestedPairs } from '../../src/lib/server/pairs/pair-actions';
import { pairHistory } from '../../src/lib/server/pairs/pairs';
import { answerSurvey, assignmentOf, highEnd, lowEnd, surveyOf } from '../helpers/answers';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let mentors: string[];
let proteges: string[];

const names = (view: Awaited<ReturnType<typeof buildMatchingView>>) =>
	view.suggestions.map((s) => `${s.mentor.name} + ${s.protege.name}: ${s.status}`);

/**
 * Two mentors and three protégés. "mentor 1" and "protege 2" answer every question at the high
 * end, "mentor 2" and "protege 1" at the low end; "protege 3" never answers. First come, first
 * served (protege 1 with mentor 1) would pair opposites on every key question.
 */
beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'coord@a.org');
	program = await createTestProgram(t.db, staff);
	mentors = await addPeople(t.db, staff, program.id, 'mentor', 2);
	proteges = await addPeople(t.db, staff, program.id, 'protege', 3);
	const survey = await surveyOf(t.db, await openTestRound(t.db, staff, program, 'pre'));
	const answer = async (id: string, role: 'mentor' | 'protege', pick: typeof lowEnd) =>
		answerSurvey(
			t.db,
			survey,
			role,
			await assignmentOf(t.db, survey.round.id, { participantId: id }),
			pick
		);
	await answer(mentors[0]!, 'mentor', highEnd);
	await answer(mentors[1]!, 'mentor', lowEnd);
	await answer(proteges[0]!, 'protege', lowEnd);
	await answer(proteges[1]!, 'protege', highEnd);
});
afterEach(() => t.close());

describe('suggested pairs', () => {
	it('pairs people whose expectations agree and says who is left and why', async () => {
		const view = await buildMatchingView(t.db, program, 'en');
		expect(names(view)).toEqual(['mentor 2 + protege 1: ok', 'mentor 1 + protege 2: ok']);
		expect(view.suggestions.map((s) => s.score)).toEqual([100, 100]);
		expect(view.suggestions[0]!.agreements).toHaveLength(2);
		expect(view.suggestions[0]!.differences).toEqual([]);
		expect(view.unmatched.map((u) => [u.person.name, u.reason])).toEqual([
			['protege 3', 'no_answers']
		]);
		expect(view.counts).toEqual({ ok: 2, watch: 0, at_risk: 0 });
	});

	it('predicts what the pair page shows once they are paired', async () => {
		const previews = [
			await previewManualPair(
				t.db,
				program,
				{ mentorId: mentors[0]!, protegeId: proteges[0]! },
				'en'
			),
			await previewManualPair(
				t.db,
				program,
				{ mentorId: mentors[1]!, protegeId: proteges[1]! },
				'en'
			)
		];
		// First come, first served: both pairs are opposites, at risk, and suggestions would not make them.
		expect(previews.map((p) => [p!.chosen.status, p!.suggested?.mentor.name])).toEqual([
			['at_risk', 'mentor 2'],
			['at_risk', 'mentor 1']
		]);
		for (const [mentorId, protegeId] of [
			[mentors[0]!, proteges[0]!],
			[mentors[1]!, proteges[1]!]
		] as const)
			await createPair(
				t.db,
				staff,
				program,
				{ mentorId, protegeId, employerId: null, coordinatorId: null },
				null
			);
		const { evidence } = await loadProgramEvidence(t.db, program);
		const analysed = analyseProgram(evidence).pairs;
		expect(analysed.map((p) => p.status)).toEqual(['at_risk', 'at_risk']);
		expect(analysed.map((p) => Math.round(p.partners.pre.score! * 100)).sort()).toEqual(
			previews.map((p) => p!.chosen.score).sort()
		);
		expect(analysed[0]!.reasons.length).toBe(previews[0]!.chosen.reasons.length);
	});

	it('keeps the locks: a never-pair is not suggested again, a must-pair always is', async () => {
		expect(
			await setMatchLock(
				t.db,
				staff,
				program,
				{ mentorId: mentors[1]!, protegeId: proteges[0]! },
				'never',
				null
			)
		).toBe(true);
		// protege 1 is left: the only other mentor, mentor 1, is predicted at risk with them.
		const apart = await buildMatchingView(t.db, program, 'en');
		expect(names(apart)).toEqual(['mentor 1 + protege 2: ok']);
		expect(apart.unmatched.map((u) => [u.person.name, u.reason])).toEqual([
			['protege 1', 'only_at_risk'],
			['protege 3', 'no_answers']
		]);
		expect(
			await setMatchLock(
				t.db,
				staff,
				program,
				{ mentorId: mentors[0]!, protegeId: proteges[0]! },
				'must',
				null
			)
		).toBe(true);
		const locked = await buildMatchingView(t.db, program, 'en');
		expect(names(locked)).toEqual(['mentor 1 + protege 1: at_risk']);
		expect(locked.suggestions[0]!.locked).toBe(true);
		expect(locked.suggestions[0]!.reasons[0]).toMatch(/key question/);
		expect(locked.locks.map((l) => l.kind)).toEqual(['never', 'must']);
		expect(
			await removeMatchLock(
				t.db,
				staff,
				program,
				{ mentorId: mentors[0]!, protegeId: proteges[0]! },
				null
			)
		).toBe(true);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', 'matching.%')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'matching.lock_set',
			'matching.lock_set',
			'matching.lock_removed'
		]);
	});

	it('refuses locks on people of another program', async () => {
		const other = await createTestProgram(t.db, staff, { name: 'Other' });
		const [stranger] = await addPeople(t.db, staff, other.id, 'protege', 1);
		expect(
			await setMatchLock(
				t.db,
				staff,
				program,
				{ mentorId: mentors[0]!, protegeId: stranger! },
				'must',
				null
			)
		).toBe(false);
		expect(await bestMentorsView(t.db, program, stranger!, 'en')).toBeNull();
	});

	it('creates accepted suggestions as pairs made by hand, and refuses one made meanwhile', async () => {
		const view = await buildMatchingView(t.db, program, 'en');
		const chosen = view.suggestions.map((s) => ({
			mentorId: s.mentor.id,
			protegeId: s.protege.id,
			employerId: null,
			coordinatorId: null
		}));
		const results = await createSuggestedPairs(t.db, staff, program, [...chosen, chosen[0]!], null);
		expect(results.map((r) => r.ok)).toEqual([true, true, false]);
		const created = results.flatMap((r) => (r.ok ? [r.pairId] : []));
		for (const id of created)
			expect(await pairHistory(t.db, id)).toMatchObject([
				{ from_status: null, to_status: 'active' }
			]);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('action', '=', 'pair.created')
			.execute();
		expect(audit).toHaveLength(2);
		expect(JSON.parse(audit[0]!.detail!)).toEqual({ suggested: true });
		const after = await buildMatchingView(t.db, program, 'en');
		expect(after.suggestions).toEqual([]);
		expect(after.free).toEqual({ mentors: 0, proteges: 1 });
	});

	it('lets a mentor take as many protégés as their capacity, by hand and in suggestions', async () => {
		await t.db
			.updateTable('participants')
			.set({ capacity: 2 })
			.where('id', '=', mentors[0]!)
			.execute();
		const pair = (mentorId: string, protegeId: string) =>
			createPair(
				t.db,
				staff,
				program,
				{ mentorId, protegeId, employerId: null, coordinatorId: null },
				null
			);
		expect((await pair(mentors[0]!, proteges[1]!)).ok).toBe(true);
		const view = await buildMatchingView(t.db, program, 'en');
		expect(view.mentorsLeft.map((m) => [m.person.name, m.places])).toEqual([['mentor 1', 1]]);
		expect(names(view)).toEqual(['mentor 2 + protege 1: ok']);
		expect((await pair(mentors[0]!, proteges[2]!)).ok).toBe(true);
		expect(await pair(mentors[0]!, proteges[0]!)).toEqual({ ok: false, reason: 'mentor_taken' });
	});

	it('lists the best mentors for one protégé, best first', async () => {
		const view = await bestMentorsView(t.db, program, proteges[0]!, 'fr');
		expect(view!.candidates.map((c) => [c.mentor.name, c.status])).toEqual([
			['mentor 2', 'ok'],
			['mentor 1', 'at_risk']
		]);
		expect(view!.candidates[0]!.agreements[0]).toMatch(/les deux ont choisi/);
		expect(view!.candidates[1]!.differences[0]).toMatch(
			/la personne mentorée a choisi .*; le mentor a choisi/
		);
		// A key question far apart is a reason for the status; it is not said again as a difference.
		const atRisk = view!.candidates[1]!;
		expect(atRisk.reasons.length).toBeGreaterThan(0);
		for (const difference of atRisk.differences) {
			const label = difference.split(' : ')[0]!;
			expect(atRisk.reasons.some((reason) => reason.includes(label))).toBe(false);
		}
	});
});
