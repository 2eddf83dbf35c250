import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor } from '../helpers/browser-like';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';

let t: TestDatabase;
let servers: RunningServer[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'Org', [
		{ email: 'coord@example.org', role: 'coordinator' }
	]);
	servers = await Promise.all([
		startServer({ databasePath: t.path }),
		startServer({ databasePath: t.path })
	]);
}, 60_000);
afterAll(async () => {
	await Promise.all(servers.map((server) => server.kill('SIGTERM')));
	await t.close();
});

async function actionCount(action: string): Promise<number> {
	const rows = await t.db
		.selectFrom('audit_log')
		.select('id')
		.where('action', '=', action)
		.execute();
	return rows.length;
}

describe('sign-in limits shared by every server process', () => {
	it('checks at most 10 of 200 simultaneous wrong passwords sent to two servers; the rest wait (429)', async () => {
		const statuses = await Promise.all(
			Array.from({ length: 200 }, (_, i) =>
				new Visitor(servers[i % 2]!.url)
					.post('/signin', { email: 'coord@example.org', password: `wrong ${i}` })
					.then((response) => response.status)
			)
		);
		const checked = statuses.filter((status) => status === 400).length;
		expect(checked).toBeGreaterThan(0);
		expect(checked).toBeLessThanOrEqual(10);
		expect(statuses.filter((status) => status === 429)).toHaveLength(200 - checked);
		expect(await actionCount('signin.failed')).toBe(checked);
		// The first refusal is written down, then one line at 10 and at 100 refusals: not 190.
		expect(await actionCount('signin.throttled')).toBeLessThanOrEqual(3);

		await Promise.all(servers.map((server) => server.kill('SIGTERM')));
		servers = [await startServer({ databasePath: t.path })];
		const afterRestart = await new Visitor(servers[0]!.url).post('/signin', {
			email: 'coord@example.org',
			password: TEST_PASSWORD
		});
		expect(afterRestart.status).toBe(429);
	}, 120_000);
});
