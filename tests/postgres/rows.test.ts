import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import type { Db } from '../../src/lib/server/db/open';
import { openPostgresDatabase } from '../../src/lib/server/db/open-postgres';
import { createPostgresDatabase, type PostgresTestDatabase } from '../helpers/postgres';

let server: PostgresTestDatabase;
let db: Db;

beforeAll(async () => {
	server = await createPostgresDatabase();
	db = openPostgresDatabase(server.url);
	await migrateToLatest(db, bundledMigrations);
});

afterAll(async () => {
	await db?.destroy();
	await server?.drop();
});

// 2027-03-15T12:34:56.789Z: far past 2^31, so a 32-bit column or a string would show.
const AT = 1_805_114_096_789;

describe('rows on PostgreSQL', () => {
	it('give back epoch milliseconds and counts as numbers', async () => {
		await db
			.insertInto('organizations')
			.values({ id: 'org-1', name: 'Settlement services', created_at: AT })
			.execute();
		await db
			.insertInto('attempt_limits')
			.values({ key: 'k', window_started_at: AT, attempts: 1 })
			.execute();

		const org = await db
			.selectFrom('organizations')
			.select(['created_at', 'require_two_factor', 'time_zone'])
			.where('id', '=', 'org-1')
			.executeTakeFirstOrThrow();
		expect(org).toEqual({ created_at: AT, require_two_factor: 0, time_zone: 'America/Toronto' });
		const limit = await db
			.selectFrom('attempt_limits')
			.select('window_started_at')
			.executeTakeFirstOrThrow();
		expect(limit.window_started_at).toBe(AT);
		const { count } = await db
			.selectFrom('organizations')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		expect(count).toBe(1);
	});

	it('keep nothing of a transaction that threw', async () => {
		const failed = db.transaction().execute(async (tx) => {
			await tx
				.insertInto('organizations')
				.values({ id: 'org-2', name: 'Rolled back', created_at: AT + 1 })
				.execute();
			throw new Error('changed my mind');
		});
		await expect(failed).rejects.toThrow('changed my mind');
		const rows = await db.selectFrom('organizations').select('id').orderBy('id').execute();
		expect(rows).toEqual([{ id: 'org-1' }]);
	});

	it('store real numbers at full precision', async () => {
		await db
			.insertInto('programs')
			.values({
				id: 'p-1',
				organization_id: 'org-1',
				name: 'Program',
				start_date: '2027-01-01',
				end_date: '2027-06-30',
				default_language: 'en',
				status: 'draft',
				watch_threshold: 0.123456789012,
				risk_threshold: 1 / 3,
				pairs_see_summary: 1,
				mentor_multiple_proteges: 0,
				created_at: AT,
				updated_at: AT
			})
			.execute();
		const program = await db
			.selectFrom('programs')
			.select(['watch_threshold', 'risk_threshold'])
			.executeTakeFirstOrThrow();
		expect(program).toEqual({ watch_threshold: 0.123456789012, risk_threshold: 1 / 3 });
	});
});
