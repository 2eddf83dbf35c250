import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor, locationOf, signedIn } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server?.stop());

describe('headers', () => {
	it('sends a strict content security policy on pages', async () => {
		const response = await fetch(`${server.url}/signin`);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).toContain("frame-ancestors 'none'");
		const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
		expect(scriptSrc).toContain("'self'");
		expect(scriptSrc).not.toContain('unsafe-inline');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.get('strict-transport-security')).toBeNull();
	});

	it('every inline script carries the nonce the policy allows', async () => {
		const response = await fetch(`${server.url}/signin`);
		const nonce = response.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)?.[1];
		const html = await response.text();
		const scripts = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
		expect(scripts.length).toBeGreaterThan(0);
		for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
	});
});

describe('requests the app refuses', () => {
	it('refuses a form posted from another origin', async () => {
		const visitor = new Visitor(server.url, 'https://evil.example');
		const response = await visitor.post('/signin', { email: 'a@example.org', password: 'x' });
		expect(response.status).toBe(403);
	});

	it('answers a 10 MB body with 413, not a crash', async () => {
		const visitor = new Visitor(server.url);
		const response = await visitor.post('/signin', {
			email: 'a@example.org',
			password: 'x'.repeat(10 * 1024 * 1024)
		});
		expect(response.status).toBe(413);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it('answers a form with a file where text belongs with a message', async () => {
		const body = new FormData();
		body.set('email', new Blob(['x']), 'x.txt');
		body.set('password', 'x');
		const response = await fetch(`${server.url}/signin`, {
			method: 'POST',
			body,
			headers: { origin: server.url, accept: 'text/html' },
			redirect: 'manual'
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Enter an email address');
	});

	it('answers empty sign-in fields with messages next to the fields', async () => {
		const response = await new Visitor(server.url).post('/signin', {});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('href="#field-email"');
		expect(html).toContain('Enter your password');
	});

	it('shows a plain 404 page for an unknown address', async () => {
		const response = await fetch(`${server.url}/no/such/page`);
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('Page not found');
	});
});

describe('behind HTTPS', () => {
	let secure: RunningServer;
	beforeAll(async () => (secure = await startServer({ origin: 'https://tandem.example' })));
	afterAll(() => secure?.stop());

	it('uses a __Host- cookie with Secure, and HSTS', async () => {
		const visitor = new Visitor(secure.url, 'https://tandem.example');
		const hop = await visitor.get(secure.setupLink().replace('https://tandem.example', secure.url));
		expect(hop.headers.getSetCookie().join()).toMatch(/tandem_setup=.*; Secure/i);
		const response = await visitor.post('/setup', {
			organizationName: 'Org',
			name: 'Admin',
			email: 'admin@example.org',
			password: 'maple kettle orbit',
			confirm: 'maple kettle orbit'
		});
		expect(response.status).toBe(303);
		const cookie = response.headers
			.getSetCookie()
			.find((c) => c.startsWith('__Host-tandem_session='));
		expect(cookie).toMatch(/; Secure/i);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Domain=/i);
		expect(response.headers.get('strict-transport-security')).toContain('max-age=');
	});
});

describe('where the app sends someone after signing in or choosing a language', () => {
	const HOSTILE = [
		'%2F%09%2Fevil.example',
		'%2F%0A%2Fevil.example',
		'%2F%0D%2Fevil.example',
		'%2F%00%2Fevil.example',
		'%2F%2509%2Fevil.example',
		'%2F%252F%2Fevil.example',
		'%2F%5C%2Fevil.example',
		'%5C%2Fevil.example',
		'%2F%2Fevil.example',
		'https%3A%2F%2Fevil.example',
		'javascript%3Aalert(1)'
	];
	let staff: Visitor;

	beforeAll(async () => {
		const db = openDatabaseAt(server.databasePath);
		await createOrganizationWithStaff(db, 'Redirects', [
			{ email: 'rita@redirect.example', role: 'admin' }
		]);
		await db.destroy();
		staff = await signedIn(server.url, 'rita@redirect.example', TEST_PASSWORD);
	});

	it.each(HOSTILE)('signed in, /signin?redirectTo=%s goes home', async (hostile) => {
		const response = await staff.get(`/signin?redirectTo=${hostile}`);
		expect(response.status).toBe(303);
		expect(locationOf(response)).toBe('/');
	});

	it.each(HOSTILE)('the sign-in form posted with redirectTo=%s goes home', async (hostile) => {
		const visitor = new Visitor(server.url);
		const response = await visitor.post('/signin', {
			email: 'rita@redirect.example',
			password: TEST_PASSWORD,
			redirectTo: decodeURIComponent(hostile)
		});
		expect(response.status).toBe(303);
		expect(locationOf(response)).toBe('/');
	});

	it.each(HOSTILE)('choosing a language with redirectTo=%s goes home', async (hostile) => {
		const response = await staff.post('/language', {
			language: 'fr',
			redirectTo: decodeURIComponent(hostile)
		});
		expect(response.status).toBe(303);
		expect(locationOf(response)).toBe('/');
	});

	it('a same-site path survives sign-in', async () => {
		const visitor = new Visitor(server.url);
		const response = await visitor.post('/signin', {
			email: 'rita@redirect.example',
			password: TEST_PASSWORD,
			redirectTo: '/programs?status=at_risk'
		});
		expect(locationOf(response)).toBe('/programs?status=at_risk');
	});
});
