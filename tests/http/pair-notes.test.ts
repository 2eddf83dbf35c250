import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { Visitor, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addTestPair, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';
import { readable } from '../helpers/html-text';

let server: RunningServer;
let db: Db;
let mine: Visitor;
let theirs: Visitor;
let page: string;
let colleagueId: string;

const count = async (table: 'pair_notes' | 'pair_follow_ups') =>
	(await db.selectFrom(table).select('id').execute()).length;

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	const a = await createOrganizationWithStaff(db, 'A', [
		{ email: 'ana@a.org', role: 'coordinator', name: 'Ana' },
		{ email: 'noor@a.org', role: 'coordinator', name: 'Noor' }
	]);
	await createOrganizationWithStaff(db, 'B', [{ email: 'ben@b.org', role: 'coordinator' }]);
	colleagueId = a.staffIds[1]!;
	const ana = await staffByEmail(db, 'ana@a.org');
	const program = await createTestProgram(db, ana);
	const pair = await addTestPair(db, ana, program);
	page = `/programs/${program.id}/pairs/${pair.pairId}`;
	mine = await signedIn(server.url, 'ana@a.org', TEST_PASSWORD);
	theirs = await signedIn(server.url, 'ben@b.org', TEST_PASSWORD);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('notes and follow-ups on the pair page', () => {
	it('adds a note, shown escaped with its line breaks', async () => {
		const added = await mine.post(`${page}?/note`, {
			body: 'Called <b>Maria</b>.\nShe wants interview practice.'
		});
		const html = await (await mine.followRedirect(added)).text();
		expect(html).toContain('Note added.');
		expect(html).toContain('Called &lt;b>Maria&lt;/b>.\nShe wants interview practice.');
		expect(html).not.toContain('<b>Maria</b>');
	});

	it('adds a follow-up for a colleague and marks it done', async () => {
		const added = await mine.post(`${page}?/followUp`, {
			what: 'Check in with the mentor',
			assigneeId: colleagueId,
			dueOn: '2020-01-15'
		});
		const html = await (await mine.followRedirect(added)).text();
		expect(html).toContain('Follow-up added.');
		expect(html).toContain('Check in with the mentor');
		expect(html).toContain('Noor');
		expect(html).toContain('Overdue');

		const { id } = await db.selectFrom('pair_follow_ups').select('id').executeTakeFirstOrThrow();
		const done = await mine.post(`${page}?/followUpDone`, { followUpId: id, done: 'true' });
		const after = await (await mine.followRedirect(done)).text();
		expect(after).toContain('Follow-up marked done.');
		expect(readable(after)).toMatch(/Done [A-Z][a-z]+ \d+, \d{4} by Ana/);
		expect(after).not.toContain('Overdue');
	});

	it('explains a bad due date next to the field, keeps what was typed, and stores nothing', async () => {
		const before = await count('pair_follow_ups');
		const bad = await mine.post(`${page}?/followUp`, {
			what: 'Send the résumé guide',
			assigneeId: '',
			dueOn: '2027-02-30'
		});
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toContain('Enter a real date, for example 2027-03-15');
		expect(html).toContain('value="Send the résumé guide"');
		expect(await count('pair_follow_ups')).toBe(before);
	});

	it('refuses an empty note and a stranger as assignee, in French for a French reader', async () => {
		const french = await signedIn(server.url, 'noor@a.org', TEST_PASSWORD);
		french.cookies.set('PARAGLIDE_LOCALE', 'fr');
		const before = [await count('pair_notes'), await count('pair_follow_ups')];
		const empty = await french.post(`${page}?/note`, { body: '   ' });
		expect(empty.status).toBe(400);
		expect(await empty.text()).toContain('Écrivez d’abord la note');
		const stranger = await french.post(`${page}?/followUp`, { what: 'x', assigneeId: 'nobody' });
		expect(stranger.status).toBe(400);
		expect(await stranger.text()).toContain('Choisissez une personne dans la liste');
		expect([await count('pair_notes'), await count('pair_follow_ups')]).toEqual(before);
	});
});

describe("another organization's pair", () => {
	it('is a 404 on the page and on every action, and nothing changes', async () => {
		expect((await theirs.get(page)).status).toBe(404);
		const before = [await count('pair_notes'), await count('pair_follow_ups')];
		const { id } = await db.selectFrom('pair_follow_ups').select('id').executeTakeFirstOrThrow();
		for (const [action, fields] of [
			['note', { body: 'Sneaky' }],
			['followUp', { what: 'Sneaky' }],
			['followUpDone', { followUpId: id, done: 'false' }]
		] as const) {
			expect((await theirs.post(`${page}?/${action}`, fields)).status, action).toBe(404);
		}
		expect([await count('pair_notes'), await count('pair_follow_ups')]).toEqual(before);
		const item = await db.selectFrom('pair_follow_ups').select('done_at').executeTakeFirstOrThrow();
		expect(item.done_at).not.toBeNull();
	});
});
