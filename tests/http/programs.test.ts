import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { Visitor, locationOf, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
let db: Db;
let mine: Visitor;
let theirs: Visitor;
let programId: string;
let mentorId: string;
let protegeId: string;

const signIn = (email: string) => signedIn(server.url, email, TEST_PASSWORD);

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	await createOrganizationWithStaff(db, 'B', [{ email: 'ben@b.org', role: 'coordinator' }]);
	const ana = await staffByEmail(db, 'ana@a.org');
	const program = await createTestProgram(db, ana);
	programId = program.id;
	[mentorId] = (await addPeople(db, ana, programId, 'mentor', 1)) as [string];
	[protegeId] = (await addPeople(db, ana, programId, 'protege', 1)) as [string];
	mine = await signIn('ana@a.org');
	theirs = await signIn('ben@b.org');
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('programs through the pages', () => {
	it('creates a program, explaining bad dates and thresholds next to their fields', async () => {
		const bad = await mine.post('/programs/new', {
			name: 'Fall IT',
			startDate: '2027-02-30',
			endDate: '2027-01-01',
			defaultLanguage: 'fr',
			status: 'active',
			watchThreshold: '2',
			riskThreshold: '0.5'
		});
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toContain('Enter a real date, for example 2027-03-15');
		expect(html).toContain('Enter a number from 0 to 1');
		expect(html).toContain('value="Fall IT"');

		const good = await mine.post('/programs/new', {
			name: 'Fall IT',
			description: '',
			startDate: '2027-09-01',
			endDate: '2027-12-20',
			defaultLanguage: 'fr',
			status: 'active',
			watchThreshold: '0.7',
			riskThreshold: '0.5',
			pairsSeeSummary: 'on'
		});
		expect(good.status).toBe(303);
		const page = await mine.get(good.headers.get('location')!);
		expect(await page.text()).toContain('Fall IT');
	});

	it('pairs people and changes a status with a reason', async () => {
		// Post, then redirect: the address bar shows the program, and a reload sends nothing again.
		const paired = await mine.post(`/programs/${programId}?/pair`, { mentorId, protegeId });
		expect(paired.status).toBe(303);
		expect(locationOf(paired)).toBe(`/programs/${programId}`);
		const shown = await (await mine.get(`/programs/${programId}`)).text();
		expect(shown).toContain('data-testid="flash">Pair created.</p>');
		expect(await (await mine.get(`/programs/${programId}`)).text()).not.toContain('Pair created.');
		const pair = await db
			.selectFrom('pairs')
			.select('id')
			.where('program_id', '=', programId)
			.executeTakeFirstOrThrow();

		const noReason = await mine.post(`/programs/${programId}/pairs/${pair.id}?/status`, {
			status: 'paused',
			reason: ' '
		});
		expect(noReason.status).toBe(400);
		expect(await noReason.text()).toContain('Give a reason');

		const paused = await mine.post(`/programs/${programId}/pairs/${pair.id}?/status`, {
			status: 'paused',
			reason: 'Exams in December'
		});
		const html = await (await mine.followRedirect(paused)).text();
		expect(html).toContain('Exams in December');
		expect(html).toContain('Paused');
	});

	it('refuses pairing someone twice with the message next to the field', async () => {
		const again = await mine.post(`/programs/${programId}?/pair`, { mentorId, protegeId });
		expect(again.status).toBe(400);
		expect(await again.text()).toContain('This protégé is already in a pair');
	});
});

describe("another organization's program", () => {
	it('is a 404 on every page and action, and nothing changes', async () => {
		const pair = await db
			.selectFrom('pairs')
			.select('id')
			.where('program_id', '=', programId)
			.executeTakeFirstOrThrow();
		for (const path of [
			`/programs/${programId}`,
			`/programs/${programId}/edit`,
			`/programs/${programId}/participants`,
			`/programs/${programId}/participants/${mentorId}`,
			`/programs/${programId}/pairs/${pair.id}`
		]) {
			expect((await theirs.get(path)).status, path).toBe(404);
		}
		const before = JSON.stringify(await db.selectFrom('pairs').selectAll().execute());
		expect(
			(
				await theirs.post(`/programs/${programId}/pairs/${pair.id}?/status`, {
					status: 'completed',
					reason: 'x',
					closureReason: 'completed'
				})
			).status
		).toBe(404);
		expect(
			(
				await theirs.post(`/programs/${programId}/participants/${mentorId}?/withdraw`, {
					reason: 'x'
				})
			).status
		).toBe(404);
		expect(
			(await theirs.post(`/programs/${programId}?/pair`, { mentorId, protegeId })).status
		).toBe(404);
		expect(JSON.stringify(await db.selectFrom('pairs').selectAll().execute())).toBe(before);
		expect(await (await theirs.get('/programs')).text()).not.toContain(programId);
	});
});
