import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { openDatabase } from '../../src/lib/server/db/open';

const ENTRY = resolve(import.meta.dirname, '..', '..', 'build', 'index.js');
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tandem-startup-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('start-up', () => {
	it('refuses to serve a database whose migrations it does not know, and says why', async () => {
		const path = join(dir, 'newer.db');
		const db = openDatabase(path);
		await migrateToLatest(db, bundledMigrations);
		// As if a newer Tandem had migrated this file and the old one were started on it.
		await db
			.insertInto('kysely_migration' as never)
			.values({
				name: '2999_01_01_0000_from_the_future',
				timestamp: new Date().toISOString()
			} as never)
			.execute();
		await db.destroy();

		const run = spawnSync(process.execPath, [ENTRY], {
			env: { ...process.env, DATABASE_PATH: path, PORT: '0', HOST: '127.0.0.1' },
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('Database migration failed');
		expect(run.stderr).toContain('2999_01_01_0000_from_the_future');
		expect(run.stderr).toContain('Start-up stopped');
	});
});
