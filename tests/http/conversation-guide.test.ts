import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentDocument } from '../../src/lib/instruments/types';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import type { Db } from '../../src/lib/server/db/open';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { Visitor, locationOf } from '../helpers/browser-like';
import { createOrganizationWithStaff, openTestRound } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';
import { readable } from '../helpers/html-text';

const PARTNER_TEXT = 'Please do not tell anyone about my divorce';
const OWN_TEXT = 'I hope to work in a hospital lab';
const EMPLOYER_TEXT = 'We hope to hire two of them';
const STAFF_TEXT = 'Coordinator note about this cohort';

let server: RunningServer;
let db: Db;
let ana: StaffUserRow;
let document: InstrumentDocument;

interface Cohort {
	program: Program;
	roundId: string;
	mentors: string[];
	proteges: string[];
	employers: string[];
	pairs: string[];
}

async function cohort(name: string, pairsSeeSummary: boolean): Promise<Cohort> {
	const program = await createTestProgram(db, ana, { name, pairsSeeSummary });
	const mentors = await addPeople(db, ana, program.id, 'mentor', 2);
	const proteges = await addPeople(db, ana, program.id, 'protege', 2);
	const employers = await addPeople(db, ana, program.id, 'employer', 1);
	await db.updateTable('participants').set({ consented_at: Date.now() }).execute();
	const pairs: string[] = [];
	for (const i of [0, 1]) {
		const pair = await createPair(
			db,
			ana,
			program,
			{ mentorId: mentors[i]!, protegeId: proteges[i]!, employerId: null, coordinatorId: ana.id },
			null
		);
		if (!pair.ok) throw new Error(pair.reason);
		pairs.push(pair.pairId);
	}
	const roundId = await openTestRound(db, ana, program, 'pre');
	return { program, roundId, mentors, proteges, employers, pairs };
}

/** Every `pre` question answered: the second option, the first two of a list, 12 hours. */
function answers(text: string, changes: Record<string, string | string[]> = {}) {
	const values: Record<string, string | string[]> = {};
	for (const item of document.constructs.flatMap((c) => c.items)) {
		if (item.wave !== 'pre') continue;
		const options = (item.options ?? []).filter((o) => !o.missing).map((o) => o.value);
		values[item.key] =
			item.type === 'text'
				? text
				: item.type === 'number'
					? '12'
					: item.type === 'multi'
						? options.slice(0, 2)
						: options[1]!;
	}
	return { ...values, ...changes };
}

/** Answers and sends one assignment of a round, as the survey pages would have stored it. */
async function submit(
	roundId: string,
	who: { participantId: string } | { staffId: string },
	values: Record<string, string | string[]>
) {
	const assignment = await db
		.selectFrom('assignments')
		.select('id')
		.where('round_id', '=', roundId)
		.where(
			'participantId' in who ? 'participant_id' : 'staff_id',
			'=',
			'participantId' in who ? who.participantId : who.staffId
		)
		.executeTakeFirstOrThrow();
	const now = Date.now();
	await db
		.insertInto('responses')
		.values(
			Object.entries(values).map(([key, value]) => ({
				assignment_id: assignment.id,
				item_key: key,
				value: JSON.stringify(value),
				updated_at: now
			}))
		)
		.execute();
	await db
		.updateTable('assignments')
		.set({ status: 'submitted', submitted_at: now })
		.where('id', '=', assignment.id)
		.execute();
}

async function signInAs(participantId: string): Promise<Visitor> {
	const token = await issueParticipantLink(db, participantId, Date.now() + 86_400_000, ana.id);
	const visitor = new Visitor(server.url, server.url, { 'accept-language': 'en-CA' });
	expect(locationOf(await visitor.get(`/l/${token}`))).toBe('/p');
	return visitor;
}

let shared: Cohort;
let hidden: Cohort;

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	ana = await db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	const version = await db.selectFrom('instrument_versions').select('id').executeTakeFirstOrThrow();
	document = (await loadVersionDocument(db, version.id))!;
	shared = await cohort('Shared', true);
	hidden = await cohort('Private', false);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('the pair conversation guide', () => {
	let protege: Visitor;
	let guide: string;

	beforeAll(async () => {
		protege = await signInAs(shared.proteges[0]!);
		guide = `/p/guide/${shared.pairs[0]}`;
	});

	it('is not ready until both people have sent the survey before the program', async () => {
		await submit(
			shared.roundId,
			{ participantId: shared.proteges[0]! },
			answers(OWN_TEXT, { contact_frequency: '2' })
		);
		const page = await protege.get(guide);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Your guide is not ready yet');
		expect(html).toContain('mentor 1');
		const portal = await (await protege.get('/p')).text();
		expect(portal).toContain('Conversation guide');
		expect(readable(portal)).toContain('Ready when you and mentor 1 have both sent');
		expect(portal).not.toContain(`${guide}"`);
	});

	it('then shows where the two agree and differ, without anyone’s free text or other answers', async () => {
		await submit(
			shared.roundId,
			{ participantId: shared.mentors[0]! },
			answers(PARTNER_TEXT, { contact_frequency: '3', contact_hours: '4' })
		);
		await submit(
			shared.roundId,
			{ participantId: shared.employers[0]! },
			answers(EMPLOYER_TEXT, { contact_frequency: '5', contact_hours: '37' })
		);
		await submit(
			shared.roundId,
			{ staffId: ana.id },
			answers(STAFF_TEXT, { contact_frequency: '1', contact_hours: '39' })
		);

		const portal = await (await protege.get('/p')).text();
		expect(portal).toContain(`href=".${guide}"`);

		const page = await protege.get(guide);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Your conversation guide');
		expect(html).toContain('you chose “Every week”; your mentor chose “Every two weeks”');
		expect(html).toContain('you chose “12 hours a month”; your mentor chose “4 hours a month”');
		expect(html).toContain('Agree on how and how often you will meet');
		expect(html).toContain('Where you agree');
		expect(html).toContain('use your browser’s Print');
		for (const secret of [PARTNER_TEXT, OWN_TEXT, EMPLOYER_TEXT, STAFF_TEXT])
			expect(html).not.toContain(secret);
		expect(html).not.toMatch(/37 hours|39 hours|Less than once a month|More than once a week/);
	});

	it('speaks to the mentor about their mentee', async () => {
		const mentor = await signInAs(shared.mentors[0]!);
		const html = await (await mentor.get(guide)).text();
		expect(html).toContain('you chose “Every two weeks”; your mentee chose “Every week”');
		expect(html).not.toContain(OWN_TEXT);
		expect(html).not.toContain(PARTNER_TEXT);
	});

	it('is in French for a participant who reads French', async () => {
		const visitor = await signInAs(shared.proteges[0]!);
		await visitor.post('/language', { language: 'fr', redirectTo: guide });
		const html = (await (await visitor.get(guide)).text()).replace(/\u00a0/g, ' ');
		expect(html).toContain('Votre guide de conversation');
		expect(html).toContain('vous avez choisi « Chaque semaine »; votre mentor a choisi');
	});

	it('is a 404 for another pair, an unknown pair and a pair that ended early', async () => {
		expect((await protege.get(`/p/guide/${shared.pairs[1]}`)).status).toBe(404);
		expect((await protege.get(`/p/guide/${hidden.pairs[0]}`)).status).toBe(404);
		expect((await protege.get('/p/guide/nosuchpair')).status).toBe(404);

		await submit(shared.roundId, { participantId: shared.proteges[1]! }, answers(OWN_TEXT));
		await submit(shared.roundId, { participantId: shared.mentors[1]! }, answers(PARTNER_TEXT));
		const other = await signInAs(shared.proteges[1]!);
		const theirs = `/p/guide/${shared.pairs[1]}`;
		expect((await other.get(theirs)).status).toBe(200);
		await db
			.updateTable('pairs')
			.set({ status: 'ended_early' })
			.where('id', '=', shared.pairs[1]!)
			.execute();
		expect((await other.get(theirs)).status).toBe(404);
		expect(await (await other.get('/p')).text()).not.toContain('Conversation guide');
	});

	it('is a 404 when the program does not let pairs see their summary', async () => {
		await submit(hidden.roundId, { participantId: hidden.proteges[0]! }, answers(OWN_TEXT));
		await submit(hidden.roundId, { participantId: hidden.mentors[0]! }, answers(PARTNER_TEXT));
		const visitor = await signInAs(hidden.proteges[0]!);
		expect((await visitor.get(`/p/guide/${hidden.pairs[0]}`)).status).toBe(404);
		expect(await (await visitor.get('/p')).text()).not.toContain('Conversation guide');
	});

	it('sends a visitor without a personal link to the page that explains links', async () => {
		const stranger = new Visitor(server.url);
		expect(locationOf(await stranger.get(guide))).toBe('/p/no-link');
	});
});
