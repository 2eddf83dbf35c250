import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import { listInstruments, openDraft } from '../../src/lib/server/instruments/instruments';
import { Visitor } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let db: Db;
let mine: Visitor;
let theirs: Visitor;
let theirVersionId: string;
let theirDraftId: string;

async function signIn(email: string): Promise<Visitor> {
	const visitor = new Visitor(server.url);
	expect((await visitor.post('/signin', { email, password: TEST_PASSWORD })).status).toBe(303);
	return visitor;
}

beforeAll(async () => {
	server = await startServer();
	db = openDatabase(server.databasePath);
	const a = await createOrganizationWithStaff(db, 'A', [
		{ email: 'ana@a.org', role: 'coordinator' }
	]);
	const b = await createOrganizationWithStaff(db, 'B', [
		{ email: 'ben@b.org', role: 'coordinator' }
	]);
	const [instrument] = await listInstruments(db, b.organizationId);
	theirVersionId = instrument!.versions[0]!.id;
	const ben = await db
		.selectFrom('staff_users')
		.selectAll()
		.where('email', '=', 'ben@b.org')
		.executeTakeFirstOrThrow();
	theirDraftId = (await openDraft(db, ben, theirVersionId, null))!;
	expect(a.organizationId).not.toBe(b.organizationId);
	mine = await signIn('ana@a.org');
	theirs = await signIn('ben@b.org');
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe("another organization's survey", () => {
	it('is a 404 on every page and download', async () => {
		for (const path of [
			`/instruments/${theirVersionId}`,
			`/instruments/${theirVersionId}/preview?role=protege&lang=fr`,
			`/instruments/${theirVersionId}/export`,
			`/instruments/${theirDraftId}/items/focus_job_leads`
		]) {
			expect((await mine.get(path)).status, path).toBe(404);
			expect((await theirs.get(path)).status, path).not.toBe(404);
		}
	});

	it('is a 404 for every change, and nothing changes', async () => {
		const before = await db.selectFrom('instrument_versions').selectAll().execute();
		for (const action of [
			'edit',
			'publish',
			'duplicate',
			'addConstruct',
			'removeConstruct',
			'addLanguage'
		]) {
			const response = await mine.post(`/instruments/${theirVersionId}?/${action}`, {
				key: 'focus',
				language: 'es'
			});
			expect(response.status, action).toBe(404);
		}
		expect(await db.selectFrom('instrument_versions').selectAll().execute()).toEqual(before);
	});

	it('is not listed', async () => {
		const html = await (await mine.get('/instruments')).text();
		expect(html).not.toContain(theirVersionId);
	});
});

describe('import through the page', () => {
	async function upload(visitor: Visitor, content: string) {
		const body = new FormData();
		body.set('file', new Blob([content], { type: 'application/json' }), 'survey.json');
		return fetch(`${server.url}/instruments?/import`, {
			method: 'POST',
			body,
			redirect: 'manual',
			headers: {
				origin: server.url,
				accept: 'text/html',
				cookie: [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
			}
		});
	}

	it('imports an exported file and refuses a file over 1 MB with a message', async () => {
		const exported = await (await theirs.get(`/instruments/${theirVersionId}/export`)).text();
		const imported = await upload(mine, exported);
		expect(imported.status).toBe(303);
		expect(imported.headers.get('location')).toMatch(/^\/instruments\/[a-z2-7]+$/);

		const tooBig = await upload(mine, JSON.stringify({ padding: 'x'.repeat(1_200_000) }));
		expect(tooBig.status).toBe(400);
		expect(await tooBig.text()).toContain('The file is larger than 1 MB');
	});
});
