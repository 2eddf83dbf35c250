import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { Visitor, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
let db: Db;
let coordinator: Visitor;
let overview: string;
let pairPage: string;

/** How many times the audit log says someone viewed the pair's answers. */
async function views(): Promise<number> {
	const rows = await db
		.selectFrom('audit_log')
		.select('id')
		.where('action', '=', 'pair.answers_viewed')
		.execute();
	return rows.length;
}

/** What the browser asks for when SvelteKit runs a page's load on the client. */
const dataRequest = (page: string) => `${page}/__data.json?x-sveltekit-invalidated=11111111`;
const from = (page: string) => ({ referer: `${server.url}${page}` });

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	const ana = await staffByEmail(db, 'ana@a.org');
	const program = await createTestProgram(db, ana);
	const [mentorId] = await addPeople(db, ana, program.id, 'mentor', 1);
	const [protegeId] = await addPeople(db, ana, program.id, 'protege', 1);
	const input = {
		mentorId: mentorId!,
		protegeId: protegeId!,
		employerId: null,
		coordinatorId: null
	};
	const pair = await createPair(db, ana, program, input, null);
	if (!pair.ok) throw new Error(pair.reason);
	overview = `/programs/${program.id}`;
	pairPage = `${overview}/pairs/${pair.pairId}`;
	coordinator = await signedIn(server.url, 'ana@a.org', TEST_PASSWORD);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('viewing a pair’s answers is audited', () => {
	it('once when a coordinator opens the pair page or its conversation guide', async () => {
		expect(await views()).toBe(0);
		expect((await coordinator.get(pairPage, from(overview))).status).toBe(200);
		expect(await views()).toBe(1);
		expect((await coordinator.get(pairPage)).status).toBe(200);
		expect(await views()).toBe(2);
		expect((await coordinator.get(`${pairPage}/guide`, from(pairPage))).status).toBe(200);
		expect(await views()).toBe(3);
	});

	it('when a click on a link loads the page in the browser', async () => {
		const before = await views();
		expect((await coordinator.get(dataRequest(pairPage), from(overview))).status).toBe(200);
		expect(await views()).toBe(before + 1);
	});

	it('not when the page’s own form is posted, with or without JavaScript', async () => {
		const before = await views();
		const plain = await coordinator.post(`${pairPage}?/note`, { body: 'Called them both' });
		expect(plain.status).toBe(303);
		// The browser follows the redirect with the form's page as the Referer.
		const shown = await coordinator.get(plain.headers.get('location')!, from(pairPage));
		expect(await shown.text()).toContain('Called them both');
		const enhanced = await coordinator.post(
			`${pairPage}?/note`,
			{ body: 'Sent the guide' },
			{ accept: 'application/json', 'x-sveltekit-action': 'true' }
		);
		expect(enhanced.status).toBe(200);
		expect((await enhanced.json()).type).toBe('redirect');
		// use:enhance then follows the redirect, loading the page's data from the page itself.
		expect((await coordinator.get(dataRequest(pairPage), from(pairPage))).status).toBe(200);
		expect(await views()).toBe(before);
		const notes = await db.selectFrom('pair_notes').select('body').execute();
		expect(notes.map((n) => n.body).sort()).toEqual(['Called them both', 'Sent the guide']);
	});

	it('not when the browser only prefetches the page', async () => {
		const before = await views();
		const prefetch = await coordinator.get(pairPage, {
			...from(overview),
			'sec-purpose': 'prefetch'
		});
		expect(prefetch.status).toBe(200);
		expect(await views()).toBe(before);
	});

	it('not on hover: links to a pair’s page or guide never preload its data', async () => {
		// The overview and the pair page carry none of the app's code: nothing there can preload.
		for (const page of [overview, pairPage]) {
			const html = await (await coordinator.get(page)).text();
			expect(html).toMatch(/<a\b[^>]*href="[^"]*\/pairs\/[^"]+"/);
			expect(html).not.toContain('/_app/immutable/entry/');
		}
		// Pages that do run it mark every such link.
		const html = await (await coordinator.get(`${pairPage}/guide`)).text();
		const links = [...html.matchAll(/<a\b[^>]*href="[^"]*\/pairs\/[^"]+"[^>]*>/g)].map((m) => m[0]);
		expect(links.length).toBeGreaterThanOrEqual(1);
		for (const link of links) expect(link).toContain('data-sveltekit-preload-data="off"');
	});
});
