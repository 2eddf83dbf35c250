import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { Visitor, locationOf } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';
import { readable } from '../helpers/html-text';

let server: RunningServer;
let db: Db;
let adminVisitor: Visitor;
let otherOrgStaffId: string;

async function signIn(email: string, password = TEST_PASSWORD): Promise<Visitor> {
	const visitor = new Visitor(server.url);
	const response = await visitor.post('/signin', { email, password });
	expect(response.status).toBe(303);
	return visitor;
}

function invitationLink(html: string): string {
	const match = html.match(/data-testid="invitation-link"[^>]*>([^<]+)</);
	if (!match) throw new Error('no invitation link on the page');
	return match[1]!.trim();
}

beforeAll(async () => {
	server = await startServer();
	adminVisitor = new Visitor(server.url);
	await adminVisitor.openLink(server.setupLink());
	const setup = await adminVisitor.post('/setup', {
		organizationName: 'Org One',
		name: 'Ada Admin',
		email: 'ada@example.org',
		password: 'maple kettle orbit',
		confirm: 'maple kettle orbit'
	});
	expect(setup.status).toBe(303);
	// A second organization on the same deployment, written straight into the server's database.
	db = openDatabaseAt(server.databasePath);
	({
		staffIds: [otherOrgStaffId = '']
	} = await createOrganizationWithStaff(db, 'Org Two', [
		{ email: 'bea@example.org', role: 'coordinator' }
	]));
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('staff accounts through the pages', () => {
	let coordinator: Visitor;
	let coordinatorId: string;

	it('an administrator invites a coordinator, who accepts and signs in', async () => {
		const invite = await adminVisitor.post('/admin/staff?/invite', {
			name: 'Chidi Coordinator',
			email: 'chidi@example.org',
			role: 'coordinator'
		});
		expect(invite.status).toBe(200);
		const link = invitationLink(await invite.text());
		expect(link).toMatch(new RegExp(`^${server.url}/invite/[a-z2-7]{32}$`));

		const invitee = new Visitor(server.url);
		const hop = await invitee.get(link);
		expect(hop.headers.get('referrer-policy')).toBe('no-referrer');
		const page = await invitee.get(locationOf(hop)!);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('chidi@example.org');

		const accepted = await invitee.post('/invite', {
			name: 'Chidi C.',
			password: 'river lantern cedar',
			confirm: 'river lantern cedar'
		});
		expect(accepted.status).toBe(303);
		expect((await new Visitor(server.url).openLink(link)).status).toBe(410);
		expect((await invitee.get('/invite')).status).toBe(410);

		coordinator = await signIn('chidi@example.org', 'river lantern cedar');
		const home = await coordinator.get('/');
		expect(readable(await home.text())).toContain('Welcome, Chidi C.');
		const row = await db
			.selectFrom('staff_users')
			.select('id')
			.where('email', '=', 'chidi@example.org')
			.executeTakeFirstOrThrow();
		coordinatorId = row.id;
	});

	it('a coordinator cannot open the administrator pages', async () => {
		expect((await coordinator.get('/admin/staff')).status).toBe(404);
		const attempt = await coordinator.post('/admin/staff?/disable', { staffId: coordinatorId });
		expect(attempt.status).toBe(404);
	});

	it("an administrator gets 404 for another organization's staff, and nothing changes", async () => {
		const response = await adminVisitor.post('/admin/staff?/disable', { staffId: otherOrgStaffId });
		expect(response.status).toBe(404);
		const other = await db
			.selectFrom('staff_users')
			.select('status')
			.where('id', '=', otherOrgStaffId)
			.executeTakeFirstOrThrow();
		expect(other.status).toBe('active');
		const list = await (await adminVisitor.get('/admin/staff')).text();
		expect(list).not.toContain('bea@example.org');
	});

	it('a disabled coordinator loses access at once', async () => {
		const response = await adminVisitor.post('/admin/staff?/disable', { staffId: coordinatorId });
		const list = await (await adminVisitor.followRedirect(response)).text();
		expect(list).toContain('data-testid="flash">Saved.</p>');
		const after = await coordinator.get('/');
		expect(after.status).toBe(303);
		expect(locationOf(after)).toMatch(/^\/signin/);
		const again = await new Visitor(server.url).post('/signin', {
			email: 'chidi@example.org',
			password: 'river lantern cedar'
		});
		expect(again.status).toBe(400);
		expect(await again.text()).toContain('The email address or password is not right.');
	});

	it('records sign-ins, invitations and disabling in the audit log', async () => {
		const actions = (await db.selectFrom('audit_log').select('action').execute()).map(
			(a) => a.action
		);
		for (const action of [
			'setup.completed',
			'staff.invited',
			'staff.invitation_accepted',
			'signin.succeeded',
			'staff.disabled',
			'signin.failed'
		]) {
			expect(actions).toContain(action);
		}
	});
});

describe('own account', () => {
	it('changing the password signs out the other devices', async () => {
		const elsewhere = await signIn('bea@example.org');
		const here = await signIn('bea@example.org');
		const wrong = await here.post('/account?/password', {
			current: 'nope',
			password: 'orchard violin sky',
			confirm: 'orchard violin sky'
		});
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Your current password is not right');

		const changed = await here.post('/account?/password', {
			current: TEST_PASSWORD,
			password: 'orchard violin sky',
			confirm: 'orchard violin sky'
		});
		const account = await (await here.followRedirect(changed)).text();
		expect(account).toContain('You are signed out on every other device.');
		expect((await here.get('/')).status).toBe(200);
		expect((await elsewhere.get('/')).status).toBe(303);
	});

	it('signing out ends the session', async () => {
		const visitor = await signIn('ada@example.org', 'maple kettle orbit');
		const cookie = [...visitor.cookies.values()][0]!;
		const out = await visitor.post('/signout', {});
		expect(locationOf(out)).toBe('/signin?signedOut=1');
		const replay = await fetch(`${server.url}/`, {
			headers: { cookie: `tandem_session=${cookie}` },
			redirect: 'manual'
		});
		expect(replay.status).toBe(303);
	});

	it('remembers the chosen language', async () => {
		const visitor = await signIn('ada@example.org', 'maple kettle orbit');
		const switched = await visitor.post('/language', { language: 'fr', redirectTo: '/account' });
		expect(locationOf(switched)).toBe('/account');
		expect(await (await visitor.get('/account')).text()).toContain('Mon compte');
		const later = await signIn('ada@example.org', 'maple kettle orbit');
		expect(await (await later.get('/')).text()).toContain('Bienvenue');
	});
});
