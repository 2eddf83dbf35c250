import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { answerSurvey, assignmentOf, highEnd, surveyOf } from '../helpers/answers';
import { signedIn } from '../helpers/browser-like';
import {
	TEST_PASSWORD,
	createOrganizationWithStaff,
	openTestRound,
	staffByEmail
} from '../helpers/fixtures';
import { addTestPair, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';
import { readable } from '../helpers/html-text';

let server: RunningServer;
let db: Db;
let pairPage: string;
let otherPairPage: string;

/** One pair whose mentor and protégé disagree on job leads, a key question; returns its page. */
async function pairAtRisk(staff: StaffUserRow, programName: string): Promise<string> {
	const program = await createTestProgram(db, staff, { name: programName });
	const pair = await addTestPair(db, staff, program);
	const roundId = await openTestRound(db, staff, program, 'pre');
	const survey = await surveyOf(db, roundId);
	for (const [role, participantId, value] of [
		['mentor', pair.mentorId, '1'],
		['protege', pair.protegeId, '5']
	] as const) {
		const assignment = await assignmentOf(db, roundId, { participantId });
		await answerSurvey(db, survey, role, assignment, highEnd, {
			changes: { focus_job_leads: [value] }
		});
	}
	return `programs/${program.id}/pairs/${pair.pairId}`;
}

function section(html: string, testId: string): string {
	const start = html.indexOf(`data-testid="${testId}"`);
	expect(start).toBeGreaterThan(-1);
	return html.slice(start, html.indexOf('</section>', start));
}

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	await createOrganizationWithStaff(db, 'B', [{ email: 'ben@b.org', role: 'coordinator' }]);
	await createOrganizationWithStaff(db, 'C', [{ email: 'cy@c.org', role: 'coordinator' }]);
	pairPage = await pairAtRisk(await staffByEmail(db, 'ana@a.org'), 'Spring cohort');
	otherPairPage = await pairAtRisk(await staffByEmail(db, 'ben@b.org'), 'Their cohort');
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('the organization home page', () => {
	it('shows a coordinator the pair at risk, with its reason in words and a link to it', async () => {
		const visitor = await signedIn(server.url, 'ana@a.org', TEST_PASSWORD);
		const response = await visitor.get('/');
		expect(response.status).toBe(200);
		const html = await response.text();
		const atRisk = section(html, 'attention-at-risk');
		expect(atRisk).toContain(`${pairPage}"`);
		expect(readable(atRisk)).toContain('mentor 1 with protege 1');
		expect(atRisk).toContain('Spring cohort');
		expect(atRisk).toContain(
			'<li>Far apart on a key question. Job leads and referrals: protégé “Extremely important” (5 of 5), mentor “Not important” (1 of 5).</li>'
		);
		expect(html).not.toContain(otherPairPage);
		expect(html).not.toContain('Their cohort');
	});

	it('says so calmly when nothing needs attention', async () => {
		const visitor = await signedIn(server.url, 'cy@c.org', TEST_PASSWORD);
		const html = await (await visitor.get('/')).text();
		expect(html).toContain('data-testid="attention-none"');
		expect(html).not.toContain('data-testid="attention-at-risk"');
	});
});
