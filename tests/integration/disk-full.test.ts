import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SurveyQuestion } from '../../src/lib/instruments/survey-pages';
import {
	ACTIVITY_WRITE_INTERVAL_MS,
	validateParticipantSessionToken
} from '../../src/lib/server/auth/session';
import { getDb } from '../../src/lib/server/db';
import { PROBE_INTERVAL_MS } from '../../src/lib/server/db/write-probe';
import { requireOwnSurvey, type OpenSurvey } from '../../src/lib/server/survey/access';
import { loadAnswers, recordConsent } from '../../src/lib/server/survey/answers';
import { saveSurveyPage, submitSurvey } from '../../src/lib/server/survey/page-flow';
import type { Answers } from '../../src/lib/survey/page-answers';
import { GET as healthz } from '../../src/routes/healthz/+server';
import { assignmentOf } from '../helpers/answers';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound, staffByEmail } from '../helpers/fixtures';
import { fillDisk, makeRoom } from '../helpers/full-disk';
import { sessionThroughLink } from '../helpers/participant-session';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let survey: OpenSurvey;
let protegeId: string;
/** The first page with a question people answer in their own words. */
let pageNumber: number;

beforeAll(async () => {
	t = await createTestDatabase();
	// The survey pages use the app's database, opened at DATABASE_PATH on first use.
	vi.stubEnv('DATABASE_PATH', t.path);
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	const staff = await staffByEmail(t.db, 'coord@a.org');
	const program = await createTestProgram(t.db, staff);
	[protegeId] = (await addPeople(t.db, staff, program.id, 'protege', 1)) as [string];
	const roundId = await openTestRound(t.db, staff, program, 'pre');
	await recordConsent(t.db, protegeId);
	const participant = await t.db
		.selectFrom('participants')
		.selectAll()
		.where('id', '=', protegeId)
		.executeTakeFirstOrThrow();
	const assignmentId = await assignmentOf(t.db, roundId, { participantId: protegeId });
	const locals = {
		session: null,
		staff: null,
		pendingSignIn: null,
		participant,
		participantSession: null
	};
	survey = await requireOwnSurvey({ locals, params: { assignmentId } });
	pageNumber = 1 + survey.pages.findIndex((p) => p.questions.some((q) => q.type === 'text'));
});
afterEach(async () => {
	vi.restoreAllMocks();
	vi.useRealTimers();
	await sql`pragma query_only = off`.execute(getDb());
});
afterAll(async () => {
	await getDb().destroy();
	await t.close();
	vi.unstubAllEnvs();
});

/** A valid answer to every question of the page, `text` in the ones people write. */
function answersFor(questions: SurveyQuestion[], text: string): Answers {
	const answer = (q: SurveyQuestion) =>
		q.type === 'text'
			? [text]
			: q.type === 'number'
				? [String(q.number!.min)]
				: q.type === 'multi'
					? q.options.slice(0, 2).map((o) => o.value)
					: [q.options[0]!.value];
	return Object.fromEntries(questions.map((q) => [q.key, answer(q)]));
}

const post = (answers: Answers) =>
	new Request('http://localhost/p/a/page', {
		method: 'POST',
		body: new URLSearchParams([
			['intent', 'next'],
			...Object.entries(answers).flatMap(([key, values]) => values.map((v) => [key, v]))
		])
	});

const progress = () =>
	t.db
		.selectFrom('assignments')
		.select(['status', 'last_page'])
		.where('id', '=', survey.assignment.id)
		.executeTakeFirstOrThrow();

/** What the app logged as errors meanwhile, one string per call. */
function captureErrorLog(): string[] {
	const lines: string[] = [];
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		lines.push(args.map(String).join(' '));
	});
	return lines;
}

describe('a survey page saved while the disk is full', () => {
	const questions = () => survey.pages[pageNumber - 1]!.questions;
	const draft = () => answersFor(questions(), 'A first short draft');
	// Near the longest answer allowed: its page of the file has no room for it beside the others.
	const typed = () => answersFor(questions(), 'I want to practise job interviews. '.repeat(114));

	it('is saved normally while there is room, every page', async () => {
		expect(pageNumber).toBeGreaterThan(0);
		for (const [i, page] of survey.pages.entries()) {
			const answers = i + 1 === pageNumber ? draft() : answersFor(page.questions, 'Yes');
			const saving = saveSurveyPage(post(answers), survey, String(i + 1));
			await expect(saving).rejects.toMatchObject({ status: 303 });
		}
		expect(await loadAnswers(t.db, survey.assignment.id)).toMatchObject(draft());
	});

	it('answers 503 "not saved" with everything typed, saves nothing, and logs SQLITE_FULL', async () => {
		const before = {
			answers: await loadAnswers(t.db, survey.assignment.id),
			progress: await progress()
		};
		const answers = typed();
		await fillDisk(getDb());
		const log = captureErrorLog();

		const result = await saveSurveyPage(post(answers), survey, String(pageNumber));

		expect(result).toMatchObject({ status: 503, data: { notSaved: true, answers } });
		expect(await loadAnswers(t.db, survey.assignment.id)).toEqual(before.answers);
		expect(await progress()).toEqual(before.progress);
		expect(log).toHaveLength(1);
		expect(log[0]).toContain('SQLITE_FULL');
		expect(log[0]).not.toContain('cannot rollback');
	});

	it('makes /healthz answer 503 while the disk is full', async () => {
		const log = captureErrorLog();
		const response = await healthz();
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({ status: 'unavailable' });
		expect(log).toEqual([expect.stringContaining('SQLITE_FULL')]);
	});

	it('saves the same page once there is room again, and /healthz says OK at its next probe', async () => {
		await makeRoom(getDb());
		vi.useFakeTimers({ toFake: ['Date'] });
		expect((await healthz()).status).toBe(503); // the last probe's answer, a moment ago
		vi.setSystemTime(Date.now() + PROBE_INTERVAL_MS);
		expect((await healthz()).status).toBe(200);
		vi.useRealTimers();
		const saving = saveSurveyPage(post(typed()), survey, String(pageNumber));
		await expect(saving).rejects.toMatchObject({ status: 303 });
		expect(await loadAnswers(t.db, survey.assignment.id)).toMatchObject(typed());
	});

	it('never says the survey was sent while the database cannot write', async () => {
		await sql`pragma query_only = on`.execute(getDb());
		const log = captureErrorLog();

		expect(await submitSurvey(survey)).toMatchObject({ status: 503, data: { notSent: true } });
		expect((await progress()).status).toBe('in_progress');
		expect(log).toEqual([expect.stringContaining('SQLITE_READONLY')]);

		await sql`pragma query_only = off`.execute(getDb());
		await expect(submitSurvey(survey)).rejects.toMatchObject({ status: 303 });
		expect((await progress()).status).toBe('submitted');
	});
});

describe('a participant whose session is due a refresh while the database cannot write', () => {
	it('still gets their page, so a save can say what happened', async () => {
		const token = await sessionThroughLink(t.db, protegeId, { ip: null, userAgent: 'test' });
		await sql`pragma query_only = on`.execute(getDb());
		const log = captureErrorLog();
		const later = Date.now() + ACTIVITY_WRITE_INTERVAL_MS + 1;

		const valid = await validateParticipantSessionToken(getDb(), token, later);

		expect(valid?.participant.id).toBe(protegeId);
		expect(log).toEqual([expect.stringContaining('SQLITE_READONLY')]);
	});
});
