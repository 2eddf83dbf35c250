import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { forgetExpiredLinkSheets, openLinkSheet } from '../../src/lib/server/rounds/link-sheets';
import { Visitor, locationOf, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { openTestRound } from '../helpers/fixtures';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
let db: Db;
let ana: Visitor;
let roundPath: string;
let people: string[];

const LINK = /http:\/\/127\.0\.0\.1:\d+\/l\/[a-z2-7]{32}/g;
const linkCount = async () =>
	Number(
		(
			await db
				.selectFrom('participant_links')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [
		{ email: 'ana@a.org', role: 'coordinator' },
		{ email: 'bo@a.org', role: 'coordinator' }
	]);
	const staff = await staffByEmail(db, 'ana@a.org');
	const program = await createTestProgram(db, staff);
	people = await addPeople(db, staff, program.id, 'protege', 3);
	const roundId = await openTestRound(db, staff, program, 'pre');
	roundPath = `/programs/${program.id}/rounds/${roundId}`;
	ana = await signedIn(server.url, 'ana@a.org', TEST_PASSWORD);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('making personal links (Post/Redirect/Get)', () => {
	it('redirects to a sheet that a reload shows again without making new links', async () => {
		const body = new URLSearchParams(people.slice(0, 2).map((id) => ['participantId', id]));
		const made = await ana.postBody(`${roundPath}?/links`, body);
		expect(made.status).toBe(303);
		const sheet = locationOf(made)!;
		expect(sheet).toMatch(new RegExp(`^${roundPath}/links/[a-z2-7]+$`));
		const keyCookie = made.headers.getSetCookie().find((c) => c.startsWith('tandem_sheet_'))!;
		expect(keyCookie).toContain(`Path=${sheet}`);
		expect(keyCookie).toMatch(/HttpOnly/);
		expect(keyCookie).toMatch(/SameSite=Strict/);
		const linksMade = await linkCount();
		expect(linksMade).toBe(2);

		const first = await (await ana.get(sheet)).text();
		expect(first).toContain('Links made for 2 people.');
		const shown = first.match(LINK)!;
		expect(new Set(shown).size).toBe(2);
		expect(first).toContain('data:image/svg+xml;base64,');

		const reloaded = await ana.get(sheet);
		expect(reloaded.status).toBe(200);
		const again = await reloaded.text();
		expect(again).not.toContain('Links made for');
		expect(new Set(again.match(LINK)!)).toEqual(new Set(shown));
		expect(await linkCount()).toBe(linksMade);

		// The database holds the sheet sealed: no link, no token, no name readable in it.
		const stored = await db.selectFrom('link_sheets').select('sealed').execute();
		expect(stored).toHaveLength(1);
		for (const link of shown) expect(stored[0]!.sealed).not.toContain(link.split('/l/')[1]);
		expect(stored[0]!.sealed).not.toContain('/l/');

		// The links on the sheet open a participant's survey.
		const visitor = new Visitor(server.url);
		expect(locationOf(await visitor.get(shown[0]!))).toBe('/p');
	});

	it('is its maker’s alone: another coordinator gets a 404, another browser of the maker a “gone” page', async () => {
		const made = await ana.postBody(
			`${roundPath}?/links`,
			new URLSearchParams([['participantId', people[2]!]])
		);
		const sheet = locationOf(made)!;
		const bo = await signedIn(server.url, 'bo@a.org', TEST_PASSWORD);
		expect((await bo.get(sheet)).status).toBe(404);
		const otherDevice = await signedIn(server.url, 'ana@a.org', TEST_PASSWORD);
		const gone = await otherDevice.get(sheet);
		expect(gone.status).toBe(200);
		const html = await gone.text();
		expect(html).toContain('This sheet of links is no longer shown');
		expect(html).not.toMatch(LINK);
	});

	it('answers a form with nobody ticked with a message, making nothing', async () => {
		const before = await linkCount();
		const response = await ana.postBody(`${roundPath}?/links`, new URLSearchParams());
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Tick at least one person to make links for.');
		expect(await linkCount()).toBe(before);
	});

	it('is gone after 15 minutes, and the hourly pass deletes it', async () => {
		const staff = await staffByEmail(db, 'ana@a.org');
		const sheet = await db
			.selectFrom('link_sheets')
			.select(['id', 'round_id', 'created_at'])
			.orderBy('created_at')
			.executeTakeFirstOrThrow();
		const key = ana.cookies.get(`tandem_sheet_${sheet.id}`);
		const justBefore = sheet.created_at + 15 * 60_000 - 1;
		expect(
			Array.isArray(await openLinkSheet(db, staff, sheet.round_id, sheet.id, key, justBefore))
		).toBe(true);
		expect(await openLinkSheet(db, staff, sheet.round_id, sheet.id, key, justBefore + 1)).toBe(
			'gone'
		);
		expect(
			await openLinkSheet(db, staff, sheet.round_id, sheet.id, 'A'.repeat(43), justBefore)
		).toBe('gone');
		await forgetExpiredLinkSheets(db, justBefore + 1);
		expect(
			await db.selectFrom('link_sheets').select('id').where('id', '=', sheet.id).execute()
		).toEqual([]);
	});
});
