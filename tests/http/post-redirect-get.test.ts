import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { participantValues } from '../../src/lib/server/participants/participant-form';
import { Visitor, locationOf, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';
import { readable } from '../helpers/html-text';

let server: RunningServer;
let db: Db;
let ana: Visitor;
let programId: string;
let mentorId: string;
let protegeId: string;
let pairPath: string;

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	const staff = await staffByEmail(db, 'ana@a.org');
	programId = (await createTestProgram(db, staff)).id;
	[mentorId] = (await addPeople(db, staff, programId, 'mentor', 1)) as [string];
	[protegeId] = (await addPeople(db, staff, programId, 'protege', 1)) as [string];
	ana = await signedIn(server.url, 'ana@a.org', TEST_PASSWORD);
	expect((await ana.post(`/programs/${programId}?/pair`, { mentorId, protegeId })).status).toBe(
		303
	);
	await ana.get(`/programs/${programId}`);
	const pair = await db.selectFrom('pairs').select('id').executeTakeFirstOrThrow();
	pairPath = `/programs/${programId}/pairs/${pair.id}`;
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

/**
 * Sends a form that changes something: the answer is a redirect to the page's own address (no
 * `?/action`, so a reload sends nothing), which shows the message once and never again.
 */
async function expectRedirectWithMessage(
	path: string,
	fields: Record<string, string>,
	expected: { location: string; message: string }
) {
	const sent = await ana.post(path, fields);
	expect(sent.status).toBe(303);
	expect(locationOf(sent)).toBe(expected.location);
	const flash = `data-testid="flash">${expected.message}</p>`;
	expect(await (await ana.get(expected.location)).text()).toContain(flash);
	expect(await (await ana.get(expected.location)).text()).not.toContain('data-testid="flash"');
}

describe('forms that succeed redirect to a clean address with a message shown once', () => {
	it('on the pair page: status, note, follow-up, follow-up done and open again', async () => {
		const before = await db.selectFrom('pair_notes').select('id').execute();
		await expectRedirectWithMessage(
			`${pairPath}?/note`,
			{ body: 'Met for coffee.' },
			{ location: `${pairPath}#notebook`, message: 'Note added.' }
		);
		expect(await db.selectFrom('pair_notes').select('id').execute()).toHaveLength(
			before.length + 1
		);
		await expectRedirectWithMessage(
			`${pairPath}?/followUp`,
			{ what: 'Call the mentor', assigneeId: '', dueOn: '' },
			{ location: `${pairPath}#notebook`, message: 'Follow-up added.' }
		);
		const followUp = await db.selectFrom('pair_follow_ups').select('id').executeTakeFirstOrThrow();
		await expectRedirectWithMessage(
			`${pairPath}?/followUpDone`,
			{ followUpId: followUp.id, done: 'true' },
			{ location: `${pairPath}#notebook`, message: 'Follow-up marked done.' }
		);
		await expectRedirectWithMessage(
			`${pairPath}?/followUpDone`,
			{ followUpId: followUp.id, done: 'false' },
			{ location: `${pairPath}#notebook`, message: 'Follow-up open again.' }
		);
		await expectRedirectWithMessage(
			`${pairPath}?/status`,
			{ status: 'paused', reason: 'Exams in December' },
			{ location: `${pairPath}#actions`, message: 'Status changed.' }
		);
		expect(await (await ana.get(pairPath)).text()).toContain('Exams in December');
	});

	it('on the pair page, a refused form comes back with what was typed and no message', async () => {
		const refused = await ana.post(`${pairPath}?/status`, { status: 'paused', reason: 'Again' });
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('>Again</textarea>');
		expect(html).not.toContain('data-testid="flash"');
	});

	it('on the participant page: save, stop links, withdraw', async () => {
		const path = `/programs/${programId}/participants/${protegeId}`;
		const stored = await db
			.selectFrom('participants')
			.selectAll()
			.where('id', '=', protegeId)
			.executeTakeFirstOrThrow();
		await expectRedirectWithMessage(
			`${path}?/save`,
			{ ...participantValues(stored), name: 'Zoé Bélanger', notes: 'Prefers mornings' },
			{ location: path, message: 'Saved.' }
		);
		// The page shows what is stored, notes too: sent again without JavaScript, nothing is lost.
		const shown = await (await ana.get(path)).text();
		expect(readable(shown)).toContain('<h1>Zoé Bélanger</h1>');
		expect(shown).toContain('>Prefers mornings</textarea>');
		await expectRedirectWithMessage(
			`${path}?/revokeLinks`,
			{},
			{ location: `${path}#links`, message: 'All links of this person stopped working.' }
		);
		await expectRedirectWithMessage(
			`/programs/${programId}/participants/${mentorId}?/withdraw`,
			{ reason: 'Moved away' },
			{
				location: `/programs/${programId}/participants/${mentorId}`,
				message: 'Withdrawn. They get no more surveys.'
			}
		);
	});

	it('on the program edit page, back to the overview', async () => {
		await expectRedirectWithMessage(
			`/programs/${programId}/edit`,
			{
				name: 'Spring IT cohort',
				description: '',
				startDate: '2027-09-01',
				endDate: '2027-12-20',
				defaultLanguage: 'fr',
				status: 'active',
				watchThreshold: '0.7',
				riskThreshold: '0.5'
			},
			{ location: `/programs/${programId}`, message: 'Program saved.' }
		);
	});
});

describe('the pairs of a program overview', () => {
	it('are found by a name typed without accents, and the links keep the search only', async () => {
		const overview = `/programs/${programId}`;
		const found = await (await ana.get(`${overview}?q=BELANGER&sort=name`)).text();
		expect(found).toMatch(/data-testid="pair-row"[\s\S]*Zoé Bélanger/);
		expect(found).toContain('value="BELANGER"');
		const nothing = await (await ana.get(`${overview}?q=tremblay`)).text();
		expect(nothing).not.toContain('data-testid="pair-row"');
		expect(readable(nothing)).toContain('No pair matches “tremblay”.');
		// After a refused form the address holds `?/pair`; sort links leave it out.
		const refused = await ana.post(`${overview}?/pair&q=tremblay`, { mentorId, protegeId });
		expect(refused.status).toBe(400);
		const links = [...(await refused.text()).matchAll(/href="([^"]*sort=[^"]*)"/g)].map(
			(m) => m[1]
		);
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) {
			expect(link).toContain('q=tremblay');
			expect(link).not.toContain('%2F');
		}
	});
});
