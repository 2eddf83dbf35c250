import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor, locationOf } from '../helpers/browser-like';
import { startServer, type RunningServer } from '../helpers/server';
import { readable } from '../helpers/html-text';

let server: RunningServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server?.stop());

const setupFields = {
	organizationName: 'Accueil Nouveaux Arrivants',
	name: 'Amélie Tremblay',
	email: 'amelie@example.org',
	password: 'maple kettle orbit',
	confirm: 'maple kettle orbit'
};

describe('first run', () => {
	it('answers the health check', async () => {
		const response = await fetch(`${server.url}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
	});

	it('prints one setup link that a link scanner can open without using it up', async () => {
		expect(server.output().match(/\/setup\//g)).toHaveLength(1);
		for (let i = 0; i < 2; i++) {
			const hop = await new Visitor(server.url).get(server.setupLink());
			expect(hop.status).toBe(303);
			expect(locationOf(hop)).toBe('/setup');
			expect(hop.headers.get('referrer-policy')).toBe('no-referrer');
		}
		const page = await new Visitor(server.url).openLink(server.setupLink());
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('name="organizationName"');
	});

	it('shows the form only to someone who opened the link', async () => {
		expect((await new Visitor(server.url).get('/setup')).status).toBe(410);
		const forged = new Visitor(server.url);
		forged.cookies.set('tandem_setup', 'a'.repeat(32));
		expect((await forged.get('/setup')).status).toBe(410);
		expect((await forged.post('/setup', setupFields)).status).toBe(410);
	});

	it('explains empty and wrong fields on the form and keeps what was typed', async () => {
		const visitor = new Visitor(server.url);
		await visitor.openLink(server.setupLink());
		const response = await visitor.post('/setup', {
			organizationName: '  ',
			name: 'Amélie',
			email: 'not-an-email',
			timeZone: 'Mars/Olympus_Mons',
			password: 'password',
			confirm: 'password'
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Choose a time zone from the list');
		expect(html).toContain('There is a problem');
		expect(html).toContain('Enter the name of your organization');
		expect(html).toContain('Enter an email address like name@example.org');
		expect(html).toContain('This password is too common');
		expect(html).toContain('value="not-an-email"');
		expect(html).not.toContain('value="password"');
		expect((await visitor.get('/setup')).status).toBe(200);
	});

	it('answers in French when the browser asks for it', async () => {
		const visitor = new Visitor(server.url, server.url, { 'accept-language': 'fr-CA,fr;q=0.9' });
		const html = await (await visitor.openLink(server.setupLink())).text();
		expect(html).toContain('<html lang="fr" dir="ltr">');
		expect(html).toContain('Configurer Tandem');
		const wrong = await visitor.post('/setup', { ...setupFields, timeZone: 'Toronto' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Choisissez un fuseau horaire dans la liste');
	});

	it('offers every time zone, Toronto chosen until the browser names its own', async () => {
		const visitor = new Visitor(server.url);
		const html = await (await visitor.openLink(server.setupLink())).text();
		expect(html).toContain('<label for="field-timeZone">Time zone</label>');
		expect(html).toMatch(/<option value="America\/Toronto" selected/);
		expect(html).toContain('<option value="America/Vancouver">America/Vancouver</option>');
		expect(html).toContain('<option value="America/St_Johns">America/St Johns</option>');
	});

	it('creates the organization and administrator, signs them in, then the link is dead', async () => {
		const visitor = new Visitor(server.url);
		const link = server.setupLink();
		await visitor.openLink(link);
		const response = await visitor.post('/setup', { ...setupFields, timeZone: 'America/Halifax' });
		expect(response.status).toBe(303);
		expect(locationOf(response)).toBe('/');

		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('tandem_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/i);

		const home = await visitor.get('/');
		expect(home.status).toBe(200);
		const html = await home.text();
		expect(html).toContain('Accueil Nouveaux Arrivants');
		expect(readable(html)).toContain('Welcome, Amélie Tremblay');

		const zone = await (await visitor.get('/admin/time-zone')).text();
		expect(zone).toContain('Now: America/Halifax');
		const wrong = await visitor.post('/admin/time-zone', { timeZone: 'Atlantis/Capital' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Choose a time zone from the list');
		const changed = await visitor.post('/admin/time-zone', { timeZone: 'America/Edmonton' });
		expect(locationOf(changed)).toBe('/admin/time-zone');
		expect(await (await visitor.followRedirect(changed)).text()).toContain('Time zone saved.');
		expect(await (await visitor.get('/admin/time-zone')).text()).toContain('Now: America/Edmonton');

		expect((await new Visitor(server.url).openLink(link)).status).toBe(410);
		const late = new Visitor(server.url);
		late.cookies.set('tandem_setup', link.split('/').pop()!);
		expect((await late.post('/setup', { ...setupFields, email: 'x@example.org' })).status).toBe(
			410
		);
	});
});
