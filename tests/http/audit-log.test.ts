import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/lib/server/audit/audit';
import type { Db } from '../../src/lib/server/db/open';
import { Visitor, locationOf, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

const EVIL = '=HYPERLINK("http://evil")';
const today = new Date().toISOString().slice(0, 10);

let server: RunningServer;
let db: Db;
let admin: Visitor;
let coordinator: Visitor;
let outsider: Visitor;
let organizationId: string;
let coordinatorId: string;

const signIn = (email: string) => signedIn(server.url, email, TEST_PASSWORD);

const exportsLogged = async () =>
	db
		.selectFrom('audit_log')
		.selectAll()
		.where('action', '=', 'audit.exported')
		.orderBy('created_at', 'desc')
		.execute();

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	({
		organizationId,
		staffIds: [, coordinatorId = '']
	} = await createOrganizationWithStaff(db, 'Org A', [
		{ email: 'ana@a.org', role: 'admin', name: 'Ana Admin' },
		{ email: 'eve@a.org', role: 'coordinator', name: EVIL }
	]));
	await createOrganizationWithStaff(db, 'Org B', [
		{ email: 'bo@b.org', role: 'admin', name: 'Bo Other' }
	]);
	admin = await signIn('ana@a.org');
	coordinator = await signIn('eve@a.org');
	outsider = await signIn('bo@b.org');
	// A year-old entry, to filter by date.
	await recordAudit(
		db,
		{
			organizationId,
			actorStaffId: coordinatorId,
			action: 'program.created',
			detail: { name: 'Old cohort' }
		},
		Date.UTC(2025, 0, 15, 12)
	);
	const created = await admin.post('/programs/new', {
		name: 'Spring <b>cohort</b>',
		description: '',
		startDate: '2027-09-01',
		endDate: '2027-12-15',
		defaultLanguage: 'en',
		status: 'active',
		watchThreshold: '0.7',
		riskThreshold: '0.5'
	});
	expect(created.status).toBe(303);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('audit log viewer', () => {
	it("shows an administrator the organization's entries in words, newest first, linked from the menu", async () => {
		const home = await (await admin.get('/')).text();
		expect(home).toMatch(/href="[./]*\/admin\/audit"/);
		const response = await admin.get('/admin/audit');
		expect(response.status).toBe(200);
		const html = await response.text();
		const actions = [...html.matchAll(/data-testid="audit-row" data-action="([^"]+)"/g)].map(
			(match) => match[1]
		);
		expect(actions.slice(0, 2)).toEqual(['program.created', 'signin.succeeded']);
		expect(actions.at(-1)).toBe('program.created');
		expect(html).toContain('Program created');
		expect(html).toContain('Program: Spring &lt;b>cohort&lt;/b>');
		expect(html).not.toContain('<b>cohort</b>');
		expect(html).toContain('Entries 1 to 4 of 4');
		expect(html).not.toContain('Bo Other');
	});

	it('filters by person, action and day', async () => {
		const byPerson = await (await admin.get(`/admin/audit?person=${coordinatorId}`)).text();
		expect(byPerson).toContain('Entries 1 to 2 of 2');
		expect(byPerson).toMatch(new RegExp(`<option value="${coordinatorId}" selected`));

		const byAction = await (await admin.get('/admin/audit?action=program.created')).text();
		expect(byAction).toContain('Entries 1 to 2 of 2');
		expect(byAction).toContain('<option value="program.created" selected');

		const byDay = await (await admin.get('/admin/audit?from=2025-01-15&to=2025-01-15')).text();
		expect(byDay).toContain('Entries 1 to 1 of 1');
		expect(byDay).toContain('Old cohort');

		const none = await (await admin.get(`/admin/audit?from=${today}&action=signout`)).text();
		expect(none).toContain('No entries match these filters.');
	});

	it('explains a bad date instead of guessing, in French too', async () => {
		const html = await (await admin.get('/admin/audit?from=2027-02-30')).text();
		expect(html).toContain('Enter a real date, for example 2027-03-15');
		expect(html).toContain('value="2027-02-30"');
		expect(html).not.toContain('data-testid="audit-row"');

		const french = new Visitor(server.url, server.url, { 'accept-language': 'fr-CA' });
		expect(
			(await french.post('/signin', { email: 'ana@a.org', password: TEST_PASSWORD })).status
		).toBe(303);
		const fr = await (await french.get('/admin/audit?from=2027-03-02&to=2027-03-01')).text();
		expect(fr).toContain('La date de fin doit être la même que la date de début ou plus tard');
	});

	it('gives coordinators and signed-out visitors no way in', async () => {
		for (const path of ['/admin/audit', '/admin/audit/export.csv', '/admin/audit/export.json'])
			expect((await coordinator.get(path)).status, path).toBe(404);
		expect(await (await coordinator.get('/')).text()).not.toMatch(/href="[./]*\/admin\/audit"/);
		const anonymous = await new Visitor(server.url).get('/admin/audit/export.csv');
		expect(anonymous.status).toBe(303);
		expect(locationOf(anonymous)).toMatch(/^\/signin\?redirectTo=/);
	});

	it("never shows one organization's entries to another's administrator", async () => {
		const html = await (await outsider.get('/admin/audit')).text();
		expect(html).toContain('Entries 1 to 1 of 1');
		expect(html).not.toContain('Ana Admin');
		expect(html).not.toContain('Spring');
		const csv = await (
			await outsider.get(`/admin/audit/export.csv?person=${coordinatorId}`)
		).text();
		expect(parse(csv, { bom: true, columns: true })).toEqual([]);
	});
	it('pages 50 entries at a time, keeping the filters in the page links', async () => {
		for (let i = 0; i < 60; i++)
			await recordAudit(
				db,
				{
					organizationId,
					actorStaffId: null,
					action: 'signin.failed',
					detail: { email: 'x@a.org' }
				},
				Date.UTC(2024, 5, 1) + i
			);
		const first = await (await admin.get('/admin/audit?action=signin.failed')).text();
		expect(first).toContain('Entries 1 to 50 of 60');
		expect(first).toContain('Page 1 of 2');
		expect(first).toMatch(/href="[./]*\/admin\/audit\?action=signin.failed&amp;page=2" rel="next"/);
		const second = await (await admin.get('/admin/audit?action=signin.failed&page=2')).text();
		expect(second).toContain('Entries 51 to 60 of 60');
		expect(second.match(/data-testid="audit-row"/g)).toHaveLength(10);
		expect(second).toMatch(/href="[./]*\/admin\/audit\?action=signin.failed" rel="prev"/);
	});
});

describe('audit log export', () => {
	it('downloads the filtered entries as CSV with formula cells neutralised, and logs the download', async () => {
		const before = (await exportsLogged()).length;
		const response = await admin.get(`/admin/audit/export.csv?person=${coordinatorId}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="tandem-org-a-audit-log-${today}.csv"`
		);
		expect(response.headers.get('cache-control')).toContain('no-store');
		const records: Record<string, string>[] = parse(await response.text(), {
			bom: true,
			columns: true
		});
		expect(records.map((r) => r.action)).toEqual(['signin.succeeded', 'program.created']);
		expect(records[0]).toMatchObject({ person: `'${EVIL}`, person_email: 'eve@a.org' });
		expect(records[1]).toMatchObject({
			time_utc: '2025-01-15T12:00:00.000Z',
			action_label: 'Program created',
			details: 'Name: Old cohort'
		});
		for (const record of records)
			for (const cell of Object.values(record)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);

		const logged = await exportsLogged();
		expect(logged).toHaveLength(before + 1);
		expect(logged[0]).toMatchObject({
			organization_id: organizationId,
			target_type: 'organization'
		});
		expect(JSON.parse(logged[0]!.detail!)).toEqual({
			format: 'csv',
			separator: 'comma',
			rows: 2,
			filterPerson: EVIL
		});
		const page = await (await admin.get('/admin/audit?action=audit.exported')).text();
		expect(page).toContain('Audit log downloaded');
	});

	it('downloads JSON with what was typed, and semicolons on request', async () => {
		const json = await (await admin.get(`/admin/audit/export.json?person=${coordinatorId}`)).json();
		expect(json.rows[0].person).toBe(EVIL);
		const semicolons = await (
			await admin.get('/admin/audit/export.csv?action=program.created&separator=semicolon')
		).text();
		expect(semicolons.split('\r\n')[0]).toBe(
			'time_utc;person;person_email;action;action_label;target;details;ip'
		);
	});

	it('refuses a bad filter with a message and logs nothing', async () => {
		const before = (await exportsLogged()).length;
		const response = await admin.get('/admin/audit/export.csv?to=tomorrow');
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Enter a real date');
		expect(await exportsLogged()).toHaveLength(before);
	});
});
