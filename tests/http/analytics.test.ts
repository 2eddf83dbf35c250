import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import type { Db } from '../../src/lib/server/db/open';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { answerSurvey, assignmentOf, highEnd, surveyOf } from '../helpers/answers';
import { Visitor, signedIn } from '../helpers/browser-like';
import {
	TEST_PASSWORD,
	createOrganizationWithStaff,
	openTestRound,
	staffByEmail
} from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
let db: Db;
let ana: StaffUserRow;
let program: Program;
let empty: Program;
let pairIds: string[];
let coordinator: Visitor;
let protege: Visitor;

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	await createOrganizationWithStaff(db, 'B', [{ email: 'bo@b.org', role: 'coordinator' }]);
	ana = await staffByEmail(db, 'ana@a.org');
	program = await createTestProgram(db, ana, { name: 'Spring cohort' });
	empty = await createTestProgram(db, ana, { name: 'Nobody answered yet' });
	const mentors = await addPeople(db, ana, program.id, 'mentor', 2);
	const proteges = await addPeople(db, ana, program.id, 'protege', 2);
	pairIds = [];
	for (const i of [0, 1]) {
		const pair = {
			mentorId: mentors[i]!,
			protegeId: proteges[i]!,
			employerId: null,
			coordinatorId: null
		};
		const created = await createPair(db, ana, program, pair, null);
		if (!created.ok) throw new Error(created.reason);
		pairIds.push(created.pairId);
	}
	const roundId = await openTestRound(db, ana, program, 'pre');
	const survey = await surveyOf(db, roundId);
	const answer = async (participantId: string, role: 'mentor' | 'protege', changes = {}) =>
		answerSurvey(db, survey, role, await assignmentOf(db, roundId, { participantId }), highEnd, {
			changes
		});
	// Pair 0: the protégé counts on job leads, the mentor does not. Pair 1 agrees.
	await answer(mentors[0]!, 'mentor', { focus_job_leads: ['1'] });
	await answer(proteges[0]!, 'protege', { focus_job_leads: ['5'] });
	await answer(mentors[1]!, 'mentor');
	await answer(proteges[1]!, 'protege');

	coordinator = await signedIn(server.url, 'ana@a.org', TEST_PASSWORD);
	protege = new Visitor(server.url);
	const token = await issueParticipantLink(db, proteges[0]!, Date.now() + 86_400_000, ana.id);
	expect((await protege.openLink(`/l/${token}`)).status).toBeLessThan(400);
});

afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('coordinator dashboards', () => {
	it('lists the pair at risk first, with the reason in words and the item marked in its row', async () => {
		const response = await coordinator.get(`/programs/${program.id}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		const counts = html.slice(html.indexOf('data-testid="standing-counts"'));
		expect(counts.slice(0, counts.indexOf('</ul>')).replace(/<[^>]+>/g, '')).toMatch(
			/▲\s*1 at risk\s*✓\s*1 OK/
		);
		const attention = html.indexOf('data-testid="attention-pair"');
		expect(html.slice(attention, attention + 3000)).toContain(
			'Far apart on a key question. Job leads and referrals: protégé “Extremely important” (5 of 5), mentor “Not important” (1 of 5).'
		);
		const row = html.indexOf('data-testid="pair-row"');
		const firstRow = html.slice(row, html.indexOf('</tr>', row));
		expect(firstRow).toContain('data-standing="at_risk"');
		expect(firstRow.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toContain(
			'Job leads and referrals protégé 5 of 5, mentor 1 of 5'
		);
		expect(html).toContain('id="role-averages"');
	});

	it('filters and sorts the pairs from the address, without JavaScript', async () => {
		const calm = await (await coordinator.get(`/programs/${program.id}?status=ok`)).text();
		expect(calm.match(/data-testid="pair-row"/g)).toHaveLength(1);
		const table = calm.slice(calm.indexOf('id="pairs"'));
		expect(table).toContain('data-standing="ok"');
		expect(table).not.toContain('data-standing="at_risk"');
		expect(table).not.toContain('data-testid="raised-mark"');
		const sorted = await coordinator.get(`/programs/${program.id}?sort=focus&page=9`);
		expect(sorted.status).toBe(200);
		const odd = await coordinator.get(
			`/programs/${program.id}?sort=%3Cscript%3E&status=nope&page=-1`
		);
		expect(odd.status).toBe(200);
	});

	it('shows a pair side by side, and records that its answers were seen', async () => {
		const before = await db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('action', '=', 'pair.answers_viewed')
			.executeTakeFirstOrThrow();
		const response = await coordinator.get(`/programs/${program.id}/pairs/${pairIds[0]}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('Why this pair needs you');
		expect(html).toContain('data-testid="pair-actions"');
		expect(html).toContain('id="closeness-pre"');
		expect(html).toContain('Job leads and referrals');
		const after = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'pair.answers_viewed')
			.orderBy('created_at', 'desc')
			.execute();
		expect(after).toHaveLength(Number(before.n) + 1);
		expect(after[0]).toMatchObject({ actor_staff_id: ana.id, target_id: pairIds[0] });
	});

	it('renders a program with no answers', async () => {
		const response = await coordinator.get(`/programs/${empty.id}`);
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('No answers yet');
	});

	it('is a 404 for a protégé and for another organization', async () => {
		expect((await protege.get(`/programs/${program.id}/pairs/${pairIds[0]}`)).status).toBe(404);
		expect((await protege.get(`/programs/${program.id}`)).status).toBe(404);
		const other = await signedIn(server.url, 'bo@b.org', TEST_PASSWORD);
		expect((await other.get(`/programs/${program.id}/pairs/${pairIds[0]}`)).status).toBe(404);
		expect((await other.get(`/programs/${program.id}`)).status).toBe(404);
	});
});
