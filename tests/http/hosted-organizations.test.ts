// Issue 18.3: one installation hosting several agencies. The operator adds each organization with
// `npm run org:create`; its first administrator finishes from a one-time link, as on a first run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor, locationOf } from '../helpers/browser-like';
import { runCli } from '../helpers/cli';
import { databaseEnv } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';
import { readable } from '../helpers/html-text';

let server: RunningServer;
beforeAll(async () => (server = await startServer()), 30_000);
afterAll(() => server?.stop());

/** Runs `npm run org:create -- …args` against the running server's database. */
async function orgCreate(...args: string[]) {
	const run = await runCli('org-create', args, {
		...databaseEnv(server.databasePath),
		ORIGIN: server.url
	});
	const link = run.stdout.match(/(http\S+\/setup\/[a-z2-7]{32})/)?.[1];
	const id = run.stdout.match(/\(id ([a-z0-9]+)\)/)?.[1];
	return { status: run.status, stdout: run.stdout, stderr: run.stderr, link, id };
}

const person = (email: string) => ({
	name: 'Nadia Haddad',
	email,
	timeZone: 'America/Vancouver',
	password: 'maple kettle orbit',
	confirm: 'maple kettle orbit'
});

async function setUp(link: string, fields: Record<string, string>) {
	const visitor = new Visitor(server.url);
	await visitor.openLink(link);
	return { visitor, response: await visitor.post('/setup', fields) };
}

describe('several organizations on one installation', () => {
	let north: Awaited<ReturnType<typeof orgCreate>>;

	beforeAll(async () => {
		// The installation's first organization, from the link the server printed on first start.
		const first = await setUp(server.setupLink(), {
			...person('amelie@sud.example'),
			organizationName: 'Accueil Sud',
			name: 'Amélie Tremblay'
		});
		expect(first.response.status).toBe(303);
		const programs = await first.visitor.post('/programs/new', {
			name: 'Cohorte secrète du Sud',
			description: '',
			startDate: '2027-01-11',
			endDate: '2027-06-30',
			defaultLanguage: 'fr',
			status: 'active',
			watchThreshold: '0.7',
			riskThreshold: '0.5'
		});
		expect(programs.status).toBe(303);
		north = await orgCreate('Agence', 'Nord', '--time-zone', 'America/Vancouver');
	}, 90_000);

	it('creates an organization and prints its one-time setup link', () => {
		expect(north.status).toBe(0);
		expect(north.stdout).toContain('Created Agence Nord');
		expect(north.link).toMatch(new RegExp(`^${server.url}/setup/`));
	});

	it('asks the administrator only for themselves, naming the organization', async () => {
		const visitor = new Visitor(server.url);
		const html = await (await visitor.openLink(north.link!)).text();
		expect(html).toContain('Create your administrator account for Agence Nord.');
		expect(html).not.toContain('name="organizationName"');
		const wrong = await visitor.post('/setup', { ...person('not-an-email'), name: ' ' });
		expect(wrong.status).toBe(400);
		const page = await wrong.text();
		expect(page).toContain('Enter an email address like name@example.org');
		expect(page).not.toContain('Enter the name of your organization');
		expect((await visitor.get('/setup')).status).toBe(200); // the link still works
	});

	it('signs the administrator into that organization alone, and the link is then dead', async () => {
		const { visitor, response } = await setUp(north.link!, person('nadia@nord.example'));
		expect(response.status).toBe(303);
		expect(locationOf(response)).toBe('/');
		const home = await (await visitor.get('/')).text();
		expect(home).toContain('Agence Nord');
		expect(readable(home)).toContain('Welcome, Nadia Haddad');
		expect(await (await visitor.get('/admin/time-zone')).text()).toContain(
			'Now: America/Vancouver'
		);
		const programs = await (await visitor.get('/programs')).text();
		expect(programs).not.toContain('Cohorte secrète du Sud');
		expect((await new Visitor(server.url).openLink(north.link!)).status).toBe(410);
	});

	it('makes a new link only for an organization nobody has joined yet', async () => {
		const west = await orgCreate('Agence Ouest');
		const again = await orgCreate('--setup-link', west.id!);
		expect(again.status).toBe(0);
		expect(again.link).toBeDefined();
		expect(again.link).not.toBe(west.link);
		expect((await orgCreate('--setup-link', north.id!)).stderr).toContain('already has staff');
	}, 120_000);

	it('refuses a missing name or an unknown time zone, creating nothing', async () => {
		const before = await orgCreate('--setup-link', 'nope');
		expect(before.status).toBe(2);
		expect(before.stderr).toContain('No organization has the id nope');
		const noName = await orgCreate();
		expect(noName.status).toBe(2);
		expect(noName.stderr).toContain('Usage: npm run org:create');
		const badZone = await orgCreate('Agence Est', '--time-zone', 'Mars/Olympus');
		expect(badZone.status).toBe(2);
		expect(badZone.stderr).toContain('"Mars/Olympus" is not a time zone');
		expect(badZone.stdout).not.toContain('Created');
	}, 120_000);
});
