import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor } from '../helpers/browser-like';
import { seedCrowdProgram } from '../helpers/crowd-program';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';

let t: TestDatabase;
let server: RunningServer;
let coordinator: Visitor;
let path: string;

beforeAll(async () => {
	t = await createTestDatabase();
	const { organizationId } = await createOrganizationWithStaff(t.db, 'A', [
		{ email: 'ana@a.org', role: 'coordinator' }
	]);
	path = `/programs/${await seedCrowdProgram(t.db, organizationId, 5000)}/participants`;
	server = await startServer({ databasePath: t.path });
	coordinator = new Visitor(server.url);
	await coordinator.post('/signin', { email: 'ana@a.org', password: TEST_PASSWORD });
}, 60_000);
afterAll(async () => {
	await server?.kill('SIGTERM');
	await t?.close();
});

const rowsOf = (html: string) => html.match(/data-testid="participant-row"/g)?.length ?? 0;

describe('a program of 5,000 participants', () => {
	it('lists them 50 a page, in a page of at most 150 KB', async () => {
		const response = await coordinator.get(path);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(Buffer.byteLength(html)).toBeLessThanOrEqual(150 * 1024);
		expect(rowsOf(html)).toBe(50);
		expect(html).toContain('People 1 to 50 of 5,000');
		expect(html).toMatch(/href="[^"]*\/participants\?page=2" rel="next"/);
		// The language, then (here none) other languages spoken; Svelte's markers may sit between.
		expect(html).toMatch(/<td class="brief[^"]*">English(<!--[^>]*-->)*<\/td>/);
	});

	it('keeps the filter on the next page and stops at the last', async () => {
		const html = await (await coordinator.get(`${path}?role=mentor&page=50`)).text();
		expect(html).toContain('People 2,451 to 2,500 of 2,500');
		expect(rowsOf(html)).toBe(50);
		expect(html).toMatch(/href="[^"]*\/participants\?role=mentor&amp;page=49" rel="prev"/);
		expect(html).not.toContain('rel="next"');
	});
});
