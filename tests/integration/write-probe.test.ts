import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROBE_INTERVAL_MS, probeWrites } from '../../src/lib/server/db/write-probe';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database';
import { fillDisk, makeRoom } from '../helpers/full-disk';

let t: TestDatabase;
let errors: string[];

beforeEach(async () => {
	t = await createTestDatabase();
	errors = [];
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		errors.push(args.map(String).join(' '));
	});
	vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(async () => {
	vi.restoreAllMocks();
	await t.close();
});

const probedAt = async () =>
	(await t.db.selectFrom('write_probes').select('probed_at').execute()).map((r) => r.probed_at);

describe('the write probe behind /healthz', () => {
	it('commits one row, at most once per interval; checks in between get its answer', async () => {
		const start = 1_000_000;
		expect(await probeWrites(t.db, start)).toEqual({ writable: true });
		expect(await probedAt()).toEqual([start]);
		expect(await probeWrites(t.db, start + PROBE_INTERVAL_MS - 1)).toEqual({ writable: true });
		expect(await probedAt()).toEqual([start]);
		expect(await probeWrites(t.db, start + PROBE_INTERVAL_MS)).toEqual({ writable: true });
		expect(await probedAt()).toEqual([start + PROBE_INTERVAL_MS]);
	});

	it('shares one probe among checks that arrive together', async () => {
		const [first, second] = [probeWrites(t.db, 1), probeWrites(t.db, 2)];
		expect(second).toBe(first);
		expect(await first).toEqual({ writable: true });
	});

	// A SQLite file's page limit and file mode; PostgreSQL's own full disk is the server's.
	it.skipIf(onPostgres)(
		'says a full database cannot write, logs that once, and says so again once there is room',
		async () => {
			await fillDisk(t.db);
			expect(await probeWrites(t.db, 0)).toEqual({
				writable: false,
				reason: expect.stringContaining('SQLITE_FULL')
			});
			expect(await probeWrites(t.db, PROBE_INTERVAL_MS)).toMatchObject({ writable: false });
			expect(errors).toEqual([expect.stringContaining('the database cannot write: SQLITE_FULL')]);
			await makeRoom(t.db);
			expect(await probeWrites(t.db, 2 * PROBE_INTERVAL_MS)).toEqual({ writable: true });
		}
	);

	it.skipIf(onPostgres)('says a read-only database cannot write, naming why', async () => {
		await sql`pragma query_only = on`.execute(t.db);
		expect(await probeWrites(t.db, 0)).toEqual({
			writable: false,
			reason: expect.stringContaining('SQLITE_READONLY')
		});
		await sql`pragma query_only = off`.execute(t.db);
	});
});
