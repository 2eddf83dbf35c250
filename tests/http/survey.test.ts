import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import type { Db } from '../../src/lib/server/db/open';
import { Visitor, locationOf, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
let db: Db;
let coordinator: Visitor;
let programId: string;
let roundId: string;
let protegeIds: string[];

const signIn = (email: string) => signedIn(server.url, email, TEST_PASSWORD);

/** Staff make links for chosen people; the action redirects to a sheet only they can open. */
async function linksFor(ids: string[]): Promise<string[]> {
	const body = new URLSearchParams(ids.map((id) => ['participantId', id]));
	const made = await coordinator.postBody(`/programs/${programId}/rounds/${roundId}?/links`, body);
	expect(made.status).toBe(303);
	const html = await (await coordinator.get(locationOf(made)!)).text();
	return [...html.matchAll(/(http:\/\/127\.0\.0\.1:\d+\/l\/[a-z2-7]{32})/g)].map((m) => m[1]!);
}

async function openLink(link: string, language = 'en-CA'): Promise<Visitor> {
	const visitor = new Visitor(server.url, server.url, { 'accept-language': language });
	const hop = await visitor.get(link);
	expect(hop.status).toBe(303);
	expect(hop.headers.get('referrer-policy')).toBe('no-referrer');
	expect(locationOf(hop)).toBe('/p');
	return visitor;
}

const assignmentOf = async (participantId: string) =>
	(
		await db
			.selectFrom('assignments')
			.select('id')
			.where('participant_id', '=', participantId)
			.executeTakeFirstOrThrow()
	).id;

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	const ana = await staffByEmail(db, 'ana@a.org');
	programId = (await createTestProgram(db, ana)).id;
	await addPeople(db, ana, programId, 'mentor', 2);
	protegeIds = await addPeople(db, ana, programId, 'protege', 2);
	coordinator = await signIn('ana@a.org');
	const version = await db.selectFrom('instrument_versions').select('id').executeTakeFirstOrThrow();
	const today = todayIn(DEFAULT_TIME_ZONE);
	const opened = await coordinator.post(`/programs/${programId}/rounds/new`, {
		versionId: version.id,
		wave: 'pre',
		opensOn: today,
		closesOn: '2999-01-01'
	});
	expect(opened.status).toBe(303);
	roundId = locationOf(opened)!.split('/').pop()!.split('?')[0]!;
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('a participant answers through their link', () => {
	it('assigns every active mentor and protégé, and the coordinator', async () => {
		const rows = await db
			.selectFrom('assignments')
			.select('role')
			.where('round_id', '=', roundId)
			.execute();
		expect(rows.map((r) => r.role).sort()).toEqual([
			'mentor',
			'mentor',
			'protege',
			'protege',
			'staff'
		]);
	});

	it('asks for consent, saves page by page, resumes, checks, submits once, then is read-only', async () => {
		const [link] = await linksFor([protegeIds[0]!]);
		const me = await openLink(link!);
		expect(locationOf(await me.get('/p'))).toBe('/p/consent');
		expect((await me.post('/p/consent', {})).status).toBe(303);
		const portal = await (await me.get('/p')).text();
		expect(portal).toContain('Your surveys');
		expect(portal).toMatch(/Takes about ([5-9]|1[0-2]) minutes\./);

		const assignment = await assignmentOf(protegeIds[0]!);
		const first = `/p/a/${assignment}/page/1`;
		expect(locationOf(await me.get(`/p/a/${assignment}`))).toBe(first);

		// Nothing chosen for required questions: messages, and nothing saved.
		const empty = await me.post(first, { intent: 'next' });
		expect(empty.status, locationOf(empty) ?? '').toBe(400);
		const emptyHtml = await empty.text();
		expect(emptyHtml).toContain('There is a problem');
		// One short sentence per question, naming it: the summary links each to its question.
		expect(emptyHtml).toContain(
			'<a href="#q-focus_job_search">Choose an answer for “Job search plan”</a>'
		);
		expect(emptyHtml).not.toContain('…');
		// Ten questions left empty: three named, the rest counted, so the first question stays near.
		const summary = emptyHtml.slice(emptyHtml.indexOf('error-summary'), emptyHtml.indexOf('</ul>'));
		expect(summary.match(/href="#q-/g)).toHaveLength(3);
		expect(summary).toContain('7 other questions need attention: each is marked below.');
		expect(emptyHtml.match(/class="field-error"/g)?.length).toBe(10);
		expect(await db.selectFrom('responses').selectAll().execute()).toHaveLength(0);

		// One bad value among good ones: the page comes back as typed, still nothing saved.
		const page1 = await (await me.get(first)).text();
		const keys = [
			...new Set([...page1.matchAll(/type="radio" name="([a-z0-9_]+)" value="/g)].map((m) => m[1]!))
		];
		const good = Object.fromEntries(keys.map((k) => [k, '4']));
		const bad = await me.post(first, { ...good, [keys[0]!]: '99', intent: 'next' });
		expect(bad.status).toBe(400);
		const badHtml = await bad.text();
		expect(badHtml).toContain('Choose one of the answers shown');
		expect(badHtml.match(/value="4" checked/g)?.length).toBe(keys.length - 1);
		expect(await db.selectFrom('responses').selectAll().execute()).toHaveLength(0);

		const saved = await me.post(first, { ...good, intent: 'next' });
		expect(locationOf(saved)).toBe(`/p/a/${assignment}/page/2`);
		expect(
			await db.selectFrom('responses').selectAll().where('assignment_id', '=', assignment).execute()
		).toHaveLength(keys.length);

		// "Save and finish later", then a new session from the same link resumes on page 2.
		expect(locationOf(await me.post(`/p/a/${assignment}/page/2`, { intent: 'later' }))).toBe(
			'/p?saved=1'
		);
		const later = await openLink(link!);
		expect(locationOf(await later.get(`/p/a/${assignment}`))).toBe(`/p/a/${assignment}/page/2`);

		// Fill every remaining page with the first option (or a number), then check and submit.
		for (let n = 2; ; n++) {
			const html = await (await later.get(`/p/a/${assignment}/page/${n}`)).text();
			const fields: [string, string][] = [];
			for (const match of html.matchAll(
				/name="([a-z0-9_]+)"(?: type="(?:radio|checkbox)")? value="([^"]+)"/g
			)) {
				if (!fields.some(([k]) => k === match[1])) fields.push([match[1]!, match[2]!]);
			}
			for (const match of html.matchAll(
				/id="q-[a-z0-9_]+" name="([a-z0-9_]+)" type="text" inputmode="decimal"/g
			))
				fields.push([match[1]!, '4']);
			const response = await later.post(
				`/p/a/${assignment}/page/${n}`,
				Object.fromEntries([...fields, ['intent', 'next']])
			);
			expect(response.status, `page ${n}`).toBe(303);
			if (locationOf(response)!.endsWith('/check')) break;
		}
		const check = await (await later.get(`/p/a/${assignment}/check`)).text();
		expect(check).toContain('Check your answers');
		expect(check).toContain('Send my answers');

		const [one, two] = await Promise.all([
			later.post(`/p/a/${assignment}/check`, {}),
			later.post(`/p/a/${assignment}/check`, {})
		]);
		expect(locationOf(one)).toBe(`/p/a/${assignment}/done`);
		expect(locationOf(two)).toBe(`/p/a/${assignment}/done`);
		const row = await db
			.selectFrom('assignments')
			.selectAll()
			.where('id', '=', assignment)
			.executeTakeFirstOrThrow();
		expect(row.status).toBe('submitted');
		const before = JSON.stringify(
			await db
				.selectFrom('responses')
				.selectAll()
				.where('assignment_id', '=', assignment)
				.orderBy('item_key')
				.execute()
		);

		expect(locationOf(await later.get(first))).toBe(`/p/a/${assignment}/check`);
		const readOnly = await (await later.get(`/p/a/${assignment}/check`)).text();
		expect(readOnly).toMatch(/<h1[^>]*>Your sent answers<\/h1>/);
		expect(readOnly).not.toContain('Check your answers');
		expect(readOnly).toContain('They can no longer be changed');
		expect(readOnly).not.toContain('Send my answers');
		await later.post(first, { ...good, intent: 'next' });
		expect(
			JSON.stringify(
				await db
					.selectFrom('responses')
					.selectAll()
					.where('assignment_id', '=', assignment)
					.orderBy('item_key')
					.execute()
			)
		).toBe(before);
	});

	it("gives 404 for another person's survey", async () => {
		const [link] = await linksFor([protegeIds[0]!]);
		const me = await openLink(link!);
		const theirs = await assignmentOf(protegeIds[1]!);
		expect((await me.get(`/p/a/${theirs}`)).status).toBe(404);
		expect((await me.get(`/p/a/${theirs}/page/1`)).status).toBe(404);
		expect((await me.post(`/p/a/${theirs}/page/1`, { intent: 'next' })).status).toBe(404);
		expect((await me.post(`/p/a/${theirs}/check`, {})).status).toBe(404);
	});

	it('answers in French for a French participant', async () => {
		const [link] = await linksFor([protegeIds[1]!]);
		const visitor = new Visitor(server.url);
		await visitor.get(link!);
		await visitor.post('/p/consent', {});
		const assignment = await assignmentOf(protegeIds[1]!);
		await visitor.post('/language', { language: 'fr', redirectTo: `/p/a/${assignment}/page/1` });
		const html = await (await visitor.get(`/p/a/${assignment}/page/1`)).text();
		expect(html).toContain('Page 1 sur');
		expect(html).toContain('Continuer');
		const stored = await db
			.selectFrom('participants')
			.select('language')
			.where('id', '=', protegeIds[1]!)
			.executeTakeFirstOrThrow();
		expect(stored.language).toBe('fr');
	});

	it('refuses unknown, revoked and closed: links and rounds say so politely', async () => {
		expect(locationOf(await new Visitor(server.url).get(`/l/${'a'.repeat(32)}`))).toBe(
			'/p/no-link'
		);
		const noLink = await new Visitor(server.url).get('/p');
		expect(locationOf(noLink)).toBe('/p/no-link');

		const [link] = await linksFor([protegeIds[1]!]);
		await db.updateTable('participant_links').set({ revoked_at: Date.now() }).execute();
		expect(locationOf(await new Visitor(server.url).get(link!))).toBe('/p/no-link');

		const [fresh] = await linksFor([protegeIds[1]!]);
		const visitor = await openLink(fresh!);
		const roundPath = `/programs/${programId}/rounds/${roundId}`;
		// Closing asks first: without the confirmation nothing changes.
		const unconfirmed = await coordinator.post(`${roundPath}?/close`, {});
		expect(unconfirmed.status).toBe(400);
		expect(await unconfirmed.text()).toContain('Close this round now?');
		const closed = await coordinator.post(`${roundPath}?/close`, { confirmed: 'yes' });
		expect(closed.status).toBe(303);
		expect(locationOf(closed)).toBe(roundPath);
		expect(await (await coordinator.get(roundPath)).text()).toContain(
			'The round is closed. Answers can no longer change.'
		);
		const assignment = await assignmentOf(protegeIds[1]!);
		const page = await visitor.get(`/p/a/${assignment}/page/1`);
		expect(await page.text()).toContain('Ce questionnaire est fermé'); // they chose French earlier
		const attempt = await visitor.post(`/p/a/${assignment}/page/1`, { intent: 'next' });
		expect(attempt.status).toBe(409);
	});
});

describe('more ways in and out', () => {
	let program2: string;
	let round2: string;
	let people: string[];

	beforeAll(async () => {
		const ana = await staffByEmail(db, 'ana@a.org');
		program2 = (await createTestProgram(db, ana, { name: 'Second' })).id;
		people = await addPeople(db, ana, program2, 'protege', 2);
		await db
			.updateTable('participants')
			.set({ consented_at: Date.now() })
			.where('id', 'in', people)
			.execute();
		const version = await db
			.selectFrom('instrument_versions')
			.select('id')
			.executeTakeFirstOrThrow();
		const today = todayIn(DEFAULT_TIME_ZONE);
		const opened = await coordinator.post(`/programs/${program2}/rounds/new`, {
			versionId: version.id,
			wave: 'pre',
			opensOn: today,
			closesOn: '2999-01-01'
		});
		round2 = locationOf(opened)!.split('/').pop()!.split('?')[0]!;
	});

	async function linkFor(participantId: string): Promise<string> {
		const body = new URLSearchParams([['participantId', participantId]]);
		const made = await coordinator.postBody(`/programs/${program2}/rounds/${round2}?/links`, body);
		const html = await (await coordinator.get(locationOf(made)!)).text();
		expect(html).toContain('data:image/svg+xml;base64,');
		return html.match(/http:\/\/127\.0\.0\.1:\d+\/l\/[a-z2-7]{32}/)![0];
	}

	it('refuses out-of-range numbers and 100 KB of text with messages, saving nothing', async () => {
		const me = await openLink(await linkFor(people[0]!));
		const assignment = await assignmentOf(people[0]!);
		// Find the pages holding a number question and a text question.
		let numberPage = 0;
		let textPage = 0;
		for (let n = 1; n <= 8 && (!numberPage || !textPage); n++) {
			const html = await (await me.get(`/p/a/${assignment}/page/${n}`)).text();
			if (!numberPage && html.includes('inputmode="decimal"')) numberPage = n;
			if (!textPage && html.includes('<textarea')) textPage = n;
		}
		const numberHtml = await (await me.get(`/p/a/${assignment}/page/${numberPage}`)).text();
		const numberKey = numberHtml.match(/name="([a-z0-9_]+)" type="text" inputmode="decimal"/)![1]!;
		const tooMany = await me.post(`/p/a/${assignment}/page/${numberPage}`, {
			[numberKey]: '500',
			intent: 'back'
		});
		expect(tooMany.status).toBe(400);
		expect(await tooMany.text()).toMatch(/Enter a number from 0 to \d+/);

		const textHtml = await (await me.get(`/p/a/${assignment}/page/${textPage}`)).text();
		const textKey = textHtml.match(/<textarea[^>]*name="([a-z0-9_]+)"/)![1]!;
		const huge = await me.post(`/p/a/${assignment}/page/${textPage}`, {
			[textKey]: 'x'.repeat(100_000),
			intent: 'back'
		});
		expect(huge.status).toBe(400);
		expect(await huge.text()).toMatch(
			/Shorten your answer for “[^”]+” to 4,000 characters or fewer/
		);
		expect(
			await db.selectFrom('responses').selectAll().where('assignment_id', '=', assignment).execute()
		).toHaveLength(0);

		// A saved text answer is in its box when the person comes back (JavaScript off): a blank
		// box would be sent blank and erase it.
		const typed = 'Le soir & le mardi <de préférence>';
		const saved = await me.post(`/p/a/${assignment}/page/${textPage}`, {
			[textKey]: typed,
			intent: 'back'
		});
		expect(saved.status).toBe(303);
		const back = await (await me.get(`/p/a/${assignment}/page/${textPage}`)).text();
		expect(back).toMatch(/<textarea[^>]*>Le soir &amp; le mardi &lt;de préférence><\/textarea>/);
	});

	it('stops working when staff stop a person’s links, or when a link has expired', async () => {
		const link = await linkFor(people[1]!);
		const visitor = await openLink(link);
		const stopped = await coordinator.post(
			`/programs/${program2}/participants/${people[1]!}?/revokeLinks`,
			{}
		);
		expect(stopped.status).toBe(303);
		expect(locationOf(await new Visitor(server.url).get(link))).toBe('/p/no-link');
		expect(locationOf(await visitor.get('/p'))).toBe('/p/no-link');

		const expiring = await linkFor(people[1]!);
		await db
			.updateTable('participant_links')
			.set({ expires_at: Date.now() - 1000 })
			.where('revoked_at', 'is', null)
			.execute();
		expect(locationOf(await new Visitor(server.url).get(expiring))).toBe('/p/no-link');
	});

	it('ends the session a link opened once that link expires or is revoked, and only that one', async () => {
		const linkRow = (link: string) =>
			db
				.updateTable('participant_links')
				.where('token_hash', '=', hashSecret(link.split('/').pop()!));
		const expiring = await linkFor(people[0]!);
		const revoked = await linkFor(people[0]!);
		const onExpiring = await openLink(expiring);
		const onRevoked = await openLink(revoked);
		expect(await (await onExpiring.get('/p')).text()).toContain('Your surveys');

		await linkRow(expiring)
			.set({ expires_at: Date.now() - 1000 })
			.execute();
		expect(locationOf(await onExpiring.get('/p'))).toBe('/p/no-link');
		expect(await (await onExpiring.get('/p/no-link')).text()).toContain('Open your personal link');
		expect(await (await onRevoked.get('/p')).text()).toContain('Your surveys');

		await linkRow(revoked).set({ revoked_at: Date.now() }).execute();
		expect(locationOf(await onRevoked.get('/p'))).toBe('/p/no-link');
	});

	it('lets the coordinator answer the staff version from their login', async () => {
		const base = `/programs/${program2}/rounds/${round2}/answer`;
		const start = await coordinator.get(base);
		expect(locationOf(start)).toBe(`${base}/page/1`);
		const html = await (await coordinator.get(`${base}/page/1`)).text();
		expect(html).toContain('Page 1 of');
		const assignment = await db
			.selectFrom('assignments')
			.select('role')
			.where('round_id', '=', round2)
			.where('staff_id', 'is not', null)
			.executeTakeFirstOrThrow();
		expect(assignment.role).toBe('staff');
		const other = new Visitor(server.url);
		expect(locationOf(await other.get(base))).toMatch(/^\/signin/);
	});
});

describe('the reminder schedule of a round', () => {
	it('is set when opening it, and a bad one is explained next to the field', async () => {
		const version = await db
			.selectFrom('instrument_versions')
			.select('id')
			.executeTakeFirstOrThrow();
		const fields = {
			versionId: version.id,
			wave: 'pre',
			opensOn: '2027-01-01',
			closesOn: '2027-01-31'
		};
		const bad = await coordinator.post(`/programs/${programId}/rounds/new`, {
			...fields,
			reminderDays: '3, soon'
		});
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toContain('Use whole numbers of days separated by commas');
		expect(html).toContain('value="3, soon"');
		const good = await coordinator.post(`/programs/${programId}/rounds/new`, {
			...fields,
			reminderDays: '2; 5 -2'
		});
		const id = locationOf(good)!.split('/').pop()!.split('?')[0]!;
		const round = await db
			.selectFrom('rounds')
			.select('reminder_days')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(round.reminder_days)).toEqual([2, 5, -2]);
	});
});
