import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import type { Db } from '../../src/lib/server/db/open';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { Visitor, locationOf, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import {
	MARIA,
	MARIA_NEEDLES,
	buildPrivacyWorld,
	findMentions,
	type PrivacyWorld
} from '../helpers/privacy';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
let db: Db;
let ana: StaffUserRow;
let world: PrivacyWorld;
let coordinator: Visitor;
let outsider: Visitor;

const signIn = (email: string) => signedIn(server.url, email, TEST_PASSWORD);
const personPath = (id: string) => `/programs/${world.program.id}/participants/${id}`;
const row = (id: string) =>
	db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [
		{ email: 'ana@a.org', role: 'coordinator' },
		{ email: 'ada@a.org', role: 'admin' }
	]);
	await createOrganizationWithStaff(db, 'B', [{ email: 'ben@b.org', role: 'coordinator' }]);
	ana = await staffByEmail(db, 'ana@a.org');
	world = await buildPrivacyWorld(db, ana, server.url);
	coordinator = await signIn('ana@a.org');
	outsider = await signIn('ben@b.org');
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('another organization', () => {
	it.each(['export.json', 'export.csv', 'erase'])('gets a 404 for %s', async (page) => {
		expect((await outsider.get(`${personPath(world.maria)}/${page}`)).status).toBe(404);
	});

	it('cannot erase, even with the right name', async () => {
		const before = await row(world.maria);
		const response = await outsider.post(`${personPath(world.maria)}/erase`, {
			mode: 'delete',
			confirmName: MARIA.name
		});
		expect(response.status).toBe(404);
		expect(await row(world.maria)).toEqual(before);
	});
});

describe('a coordinator', () => {
	it('finds the export and erase links on the person’s page', async () => {
		const html = await (await coordinator.get(personPath(world.maria))).text();
		for (const page of ['export.csv', 'export.json', 'erase'])
			expect(html).toContain(`${personPath(world.maria)}/${page}`);
	});

	it('downloads everything held about her, without her link', async () => {
		const json = await coordinator.get(`${personPath(world.maria)}/export.json`);
		expect(json.status).toBe(200);
		expect(json.headers.get('content-type')).toContain('application/json');
		expect(json.headers.get('content-disposition')).toMatch(
			/^attachment; filename="tandem-participant-/
		);
		expect(json.headers.get('cache-control')).toBe('private, no-store');
		const body = await json.text();
		expect(JSON.parse(body).profile.email).toBe(MARIA.email);
		expect(body).not.toContain(world.linkToken);
		const csv = await coordinator.get(`${personPath(world.maria)}/export.csv`);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect(await csv.text()).toContain(MARIA.email);
	});

	it('sees what erasing removes, and a wrong name erases nothing', async () => {
		const page = await coordinator.get(`${personPath(world.maria)}/erase`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Type their name to confirm');
		const before = await row(world.maria);
		const refused = await coordinator.post(`${personPath(world.maria)}/erase`, {
			mode: 'anonymise',
			confirmName: 'María'
		});
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain(
			'The name you typed does not match. Nothing was erased.'
		);
		const silent = await coordinator.post(`${personPath(world.maria)}/erase`, {
			mode: 'anonymise'
		});
		expect(silent.status).toBe(400);
		expect(await row(world.maria)).toEqual(before);
	});

	it('erases her after typing her name: nothing identifying is left', async () => {
		const response = await coordinator.post(`${personPath(world.maria)}/erase`, {
			mode: 'anonymise',
			confirmName: 'maria-jose  nunez'
		});
		expect(response.status).toBe(303);
		expect(locationOf(response)).toBe(personPath(world.maria));
		expect(await findMentions(db, MARIA_NEEDLES)).toEqual([]);
		const html = await (await coordinator.get(personPath(world.maria))).text();
		expect(html).toContain('Personal data erased on');
	});
});

describe('a participant', () => {
	it('stops taking part from the portal, and her link stops working', async () => {
		const token = await issueParticipantLink(db, world.pedro, Date.now() + 86_400_000, null);
		const pedro = new Visitor(server.url);
		expect(locationOf(await pedro.get(`/l/${token}`))).toBe('/p');
		expect(await (await pedro.get('/p')).text()).toMatch(
			/href="[./]*p\/withdraw">Stop taking part</
		);
		const page = await pedro.get('/p/withdraw');
		expect(await page.text()).toContain('Yes, stop taking part');
		const done = await pedro.post('/p/withdraw', {});
		expect(locationOf(done)).toBe('/p/withdraw/done');
		expect(await (await pedro.get('/p/withdraw/done')).text()).toContain(
			'You have stopped taking part'
		);
		expect(locationOf(await pedro.get('/p'))).toBe('/p/no-link');
		expect(locationOf(await new Visitor(server.url).get(`/l/${token}`))).toBe('/p/no-link');
		expect(await row(world.pedro)).toMatchObject({ status: 'withdrawn' });
		const audit = await db
			.selectFrom('audit_log')
			.select(['actor_staff_id', 'target_id'])
			.where('action', '=', 'participant.self_withdrawn')
			.execute();
		expect(audit).toEqual([{ actor_staff_id: null, target_id: world.pedro }]);
	});

	it('without a session is sent to the page about personal links', async () => {
		expect(locationOf(await new Visitor(server.url).get('/p/withdraw'))).toBe('/p/no-link');
	});
});

describe('retention settings', () => {
	it('are for administrators only', async () => {
		expect((await coordinator.get('/admin/retention')).status).toBe(404);
	});

	it('refuse a bad number, save a good one, and preview another without saving', async () => {
		const admin = await signIn('ada@a.org');
		const bad = await admin.post('/admin/retention', { months: 'six' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Type a number of months from 1 to 120');
		const good = await admin.post('/admin/retention', { months: '24' });
		expect(await (await admin.followRedirect(good)).text()).toContain(
			'data-testid="flash">Saved.</p>'
		);
		const org = await db
			.selectFrom('organizations')
			.select('retention_months')
			.where('id', '=', ana.organization_id)
			.executeTakeFirstOrThrow();
		expect(org.retention_months).toBe(24);
		await db
			.updateTable('programs')
			.set({ status: 'closed', closed_at: Date.now() - 40 * 86_400_000 })
			.where('id', '=', world.program.id)
			.execute();
		const preview = await (await admin.get('/admin/retention?months=1')).text();
		expect(preview).toContain('Preview, not saved: 1 month after closing');
		expect(preview).toContain('Spring cohort');
		expect(preview).toContain('Within the hour');
		const saved = await (await admin.get('/admin/retention')).text();
		expect(saved).toContain('Now: anonymise 24 months after a program closes.');
		expect(saved).not.toContain('Within the hour');
	});
});
