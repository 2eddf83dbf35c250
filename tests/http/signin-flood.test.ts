import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { Visitor } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { readable } from '../helpers/html-text';
import { openDatabaseAt } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let db: Db;

beforeAll(async () => {
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'Org', [
		{ email: 'coord@example.org', role: 'coordinator' }
	]);
}, 60_000);
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

const from = (address: string) =>
	new Visitor(server.url, server.url, { 'x-forwarded-for': address });

describe('a flood of sign-ins from many addresses', () => {
	it('checks what the password queue holds, turns the rest away at once (503, Retry-After), and records only what it checked', async () => {
		const health: number[] = [];
		let flooding = true;
		const watch = (async () => {
			while (flooding) {
				health.push((await from('10.9.9.9').get('/healthz')).status);
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		})();
		const answers = await Promise.all(
			Array.from({ length: 300 }, async (_, i) => {
				const response = await from(`10.1.${i >> 8}.${i & 255}`).post('/signin', {
					email: `nobody${i}@flood.example`,
					password: `wrong ${i}`
				});
				return {
					status: response.status,
					retryAfter: response.headers.get('retry-after'),
					frames: response.headers.get('x-frame-options'),
					text: readable(await response.text())
				};
			})
		);
		flooding = false;
		await watch;

		const checked = answers.filter((a) => a.status === 400);
		const busy = answers.filter((a) => a.status === 503);
		expect(checked.length + busy.length).toBe(300);
		expect(checked.length).toBeGreaterThan(0);
		expect(busy.length).toBeGreaterThan(0);
		for (const answer of busy) {
			expect(answer.retryAfter).toBe('5');
			expect(answer.frames).toBe('DENY');
			expect(answer.text).toContain('Many people are signing in right now.');
		}
		const failed = await db
			.selectFrom('audit_log')
			.select('id')
			.where('action', '=', 'signin.failed')
			.execute();
		expect(failed).toHaveLength(checked.length);
		expect(health.length).toBeGreaterThan(0);
		expect(health.every((status) => status === 200)).toBe(true);

		const after = await from('10.2.0.1').post('/signin', {
			email: 'coord@example.org',
			password: TEST_PASSWORD
		});
		expect(after.status).toBe(303);
	}, 120_000);
});
