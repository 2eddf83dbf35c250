import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor } from '../helpers/browser-like';
import { startServer, type RunningServer } from '../helpers/server';

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
