import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { createStaffUser } from '../../src/lib/server/staff/staff';
import { Visitor, locationOf } from '../helpers/browser-like';
import { TEST_PASSWORD, testPasswordHash } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
let db: Db;
let admin: Visitor;
let coordinatorId: string;
const ADMIN_PASSWORD = 'maple kettle orbit';

/** What an authenticator app shows for the key on the set-up page, `stepsAhead` × 30 s from now. */
function appCode(typedKey: string, stepsAhead = 0): string {
	const key = decodeBase32IgnorePadding(typedKey.replaceAll(' ', ''));
	return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + stepsAhead), 6);
}

function typedKeyOn(html: string): string {
	const match = html.match(/data-testid="totp-key"[^>]*>([^<]+)</);
	if (!match) throw new Error('no key on the set-up page');
	return match[1]!.trim();
}

function backupCodesOn(html: string): string[] {
	return [...html.matchAll(/<code[^>]*>([a-z2-7]{4}(?:-[a-z2-7]{4}){3})<\/code>/g)].map(
		(m) => m[1]!
	);
}

/** Opens the set-up page, types the app's code; returns the key and the backup codes shown. */
async function enrol(visitor: Visitor): Promise<{ typedKey: string; codes: string[] }> {
	const page = await visitor.get('/account/two-factor');
	expect(page.status).toBe(200);
	const typedKey = typedKeyOn(await page.text());
	const confirmed = await visitor.post('/account/two-factor?/confirm', { code: appCode(typedKey) });
	expect(confirmed.status).toBe(200);
	const codes = backupCodesOn(await confirmed.text());
	expect(codes).toHaveLength(10);
	return { typedKey, codes };
}

async function signInWithPassword(email: string, visitor = new Visitor(server.url)) {
	const response = await visitor.post('/signin', { email, password: TEST_PASSWORD });
	expect(response.status).toBe(303);
	return { visitor, next: locationOf(response) };
}

async function signOut(visitor: Visitor): Promise<void> {
	expect(locationOf(await visitor.post('/signout', {}))).toBe('/signin?signedOut=1');
	expect(locationOf(await visitor.get('/'))).toMatch(/^\/signin/);
}

beforeAll(async () => {
	server = await startServer();
	admin = new Visitor(server.url);
	await admin.openLink(server.setupLink());
	const setup = await admin.post('/setup', {
		organizationName: 'Org One',
		name: 'Ada Admin',
		email: 'ada@example.org',
		password: ADMIN_PASSWORD,
		confirm: ADMIN_PASSWORD
	});
	expect(setup.status).toBe(303);
	db = openDatabaseAt(server.databasePath);
	const organization = await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
	coordinatorId = await createStaffUser(db, {
		organizationId: organization.id,
		email: 'chidi@example.org',
		name: 'Chidi Okafor',
		role: 'coordinator',
		passwordHash: await testPasswordHash()
	});
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('two-step sign-in, from the requirement to a backup code', () => {
	let coordinator: Visitor;
	let typedKey: string;
	let codes: string[];

	it('an administrator sets up their own app, then requires two-step sign-in', async () => {
		const early = await admin.post('/admin/security', { requireTwoFactor: 'on' });
		expect(early.status).toBe(400);
		expect(await early.text()).toContain('Set up two-step sign-in for your own account first');

		await enrol(admin);
		const saved = await admin.post('/admin/security', { requireTwoFactor: 'on' });
		expect(await (await admin.followRedirect(saved)).text()).toContain(
			'data-testid="flash">Two-step sign-in setting saved.</p>'
		);
		const org = await db
			.selectFrom('organizations')
			.select('require_two_factor')
			.executeTakeFirst();
		expect(org?.require_two_factor).toBe(1);
	});

	it('a coordinator without an app is sent to set it up before anything else', async () => {
		({ visitor: coordinator } = await signInWithPassword('chidi@example.org'));
		for (const path of ['/', '/programs', '/account', '/account/sessions']) {
			const response = await coordinator.get(path);
			expect(response.status, path).toBe(303);
			expect(locationOf(response)).toBe('/account/two-factor');
		}
		const post = await coordinator.post('/account?/password', { current: 'x' });
		expect(locationOf(post)).toBe('/account/two-factor');

		const page = await coordinator.get('/account/two-factor');
		const html = await page.text();
		expect(html).toContain('Your organization asks all staff to use two-step sign-in');
		expect(html).toMatch(/<img[^>]+src="data:image\/svg\+xml;base64,/);
		typedKey = typedKeyOn(html);

		const wrong = await coordinator.post('/account/two-factor?/confirm', {
			code: appCode(typedKey, 10)
		});
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('This code is not right');
		expect(typedKeyOn(await (await coordinator.get('/account/two-factor')).text())).toBe(typedKey);

		const confirmed = await coordinator.post('/account/two-factor?/confirm', {
			code: appCode(typedKey)
		});
		expect(confirmed.status).toBe(200);
		const confirmedHtml = await confirmed.text();
		expect(confirmedHtml).toContain('Two-step sign-in is on');
		codes = backupCodesOn(confirmedHtml);
		expect(codes).toHaveLength(10);
		expect((await coordinator.get('/')).status).toBe(200);
		// Shown once: the page no longer lists them.
		expect(backupCodesOn(await (await coordinator.get('/account/two-factor')).text())).toEqual([]);
	});

	it('signs out and back in with the password, then a code from the app', async () => {
		await signOut(coordinator);
		const { next } = await signInWithPassword('chidi@example.org', coordinator);
		expect(next).toBe('/signin/two-factor?redirectTo=%2F');
		// Password alone is not signed in: every page sends the person back to sign in.
		expect(locationOf(await coordinator.get('/programs'))).toBe('/signin?redirectTo=%2Fprograms');
		expect(locationOf(await coordinator.get('/signin?redirectTo=%2Fprograms'))).toBe(
			'/signin/two-factor?redirectTo=%2Fprograms'
		);
		expect((await coordinator.get('/signin/two-factor?redirectTo=%2F')).status).toBe(200);

		const wrong = await coordinator.post('/signin/two-factor?/code', { code: '12345' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Type the 6 digits from your app.');

		// The set-up used this 30-second step's code; the app's next code is accepted as well.
		const right = await coordinator.post('/signin/two-factor?/code', {
			code: appCode(typedKey, 1),
			redirectTo: '/programs'
		});
		expect(right.status).toBe(303);
		expect(locationOf(right)).toBe('/programs');
		expect((await coordinator.get('/programs')).status).toBe(200);
	});

	it('signs in with a backup code, which then never works again', async () => {
		await signOut(coordinator);
		await signInWithPassword('chidi@example.org', coordinator);
		const recovered = await coordinator.post('/signin/two-factor?/recovery', {
			recoveryCode: codes[0]!.toUpperCase()
		});
		expect(recovered.status).toBe(303);
		expect((await coordinator.get('/')).status).toBe(200);

		const french = new Visitor(server.url, server.url, { 'accept-language': 'fr-CA' });
		await signInWithPassword('chidi@example.org', french);
		const reused = await french.post('/signin/two-factor?/recovery', { recoveryCode: codes[0]! });
		expect(reused.status).toBe(400);
		expect(await reused.text()).toContain(
			'Ce code de secours n’est pas le bon, ou il a déjà servi.'
		);
		expect(locationOf(await french.get('/'))).toMatch(/^\/signin/);

		const another = await french.post('/signin/two-factor?/recovery', { recoveryCode: codes[1]! });
		expect(another.status).toBe(303);
		expect((await french.get('/')).status).toBe(200);

		const sessionsPage = await coordinator.get('/account/sessions');
		expect(sessionsPage.status).toBe(200);
		const html = await sessionsPage.text();
		expect(html.match(/data-testid="session-row"/g)).toHaveLength(2);
		expect(html).toContain('This device');
		const otherId = html.match(/name="sessionId" value="([^"]+)"/)![1]!;
		const ended = await coordinator.post('/account/sessions?/end', { sessionId: otherId });
		expect(await (await coordinator.followRedirect(ended)).text()).toContain(
			'That device is signed out.'
		);
		expect(locationOf(await french.get('/'))).toMatch(/^\/signin/);
		expect((await coordinator.get('/')).status).toBe(200);
	});

	it('nobody ends another person’s session', async () => {
		const adminSession = await db
			.selectFrom('sessions')
			.innerJoin('staff_users', 'staff_users.id', 'sessions.staff_user_id')
			.select('sessions.id')
			.where('staff_users.email', '=', 'ada@example.org')
			.executeTakeFirstOrThrow();
		const attempt = await coordinator.post('/account/sessions?/end', {
			sessionId: adminSession.id
		});
		expect(attempt.status).toBe(404);
		expect((await admin.get('/')).status).toBe(200);
		expect((await coordinator.get('/admin/security')).status).toBe(404);
		expect((await coordinator.get(`/admin/staff/${coordinatorId}`)).status).toBe(404);
	});

	it('an administrator ends all sessions of a coordinator', async () => {
		const unconfirmed = await admin.post(`/admin/staff/${coordinatorId}?/endSessions`, {});
		expect(unconfirmed.status).toBe(400);
		expect(await unconfirmed.text()).toContain('Tick the box to confirm.');
		expect((await coordinator.get('/')).status).toBe(200);

		const ended = await admin.post(`/admin/staff/${coordinatorId}?/endSessions`, {
			confirm: 'yes'
		});
		expect(await (await admin.followRedirect(ended)).text()).toContain(
			'They are signed out on every device.'
		);
		expect(locationOf(await coordinator.get('/'))).toMatch(/^\/signin/);
	});

	it('after an administrator resets it, the coordinator must set up an app again', async () => {
		const { visitor } = await signInWithPassword('chidi@example.org');
		coordinator = visitor;
		const recovered = await coordinator.post('/signin/two-factor?/recovery', {
			recoveryCode: codes[2]!
		});
		expect(recovered.status).toBe(303);

		const page = await admin.get(`/admin/staff/${coordinatorId}`);
		expect(await page.text()).toMatch(/data-testid="staff-two-factor"[^>]*>\s*On since/);
		const reset = await admin.post(`/admin/staff/${coordinatorId}?/resetTwoFactor`, {
			confirm: 'yes'
		});
		expect(await (await admin.followRedirect(reset)).text()).toContain(
			'Two-step sign-in is reset. They are signed out everywhere.'
		);
		const audit = await db
			.selectFrom('audit_log')
			.select(['actor_staff_id', 'target_id'])
			.where('action', '=', 'two_factor.reset')
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]!.target_id).toBe(coordinatorId);

		expect(locationOf(await coordinator.get('/'))).toMatch(/^\/signin/);
		const again = await signInWithPassword('chidi@example.org');
		expect(again.next).toBe('/');
		expect(locationOf(await again.visitor.get('/'))).toBe('/account/two-factor');
		const fresh = typedKeyOn(await (await again.visitor.get('/account/two-factor')).text());
		expect(fresh).not.toBe(typedKey);
	});
});
