import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, NO_MIGRATIONS, sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import {
	MigrationFailedError,
	migrateToLatest,
	providerFromModules
} from '../../src/lib/server/db/migrator';
import { openDatabase, type Db } from '../../src/lib/server/db/open';

let dir: string;
let db: Db;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-migrations-'));
	db = openDatabase(join(dir, 'm.db'));
});
afterEach(async () => {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

const tables = async () =>
	(await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));

describe('migrations', () => {
	it('sets the durability pragmas on open', async () => {
		const pragma = async (name: string) =>
			Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
		expect(await pragma('journal_mode')).toBe('wal');
		expect(await pragma('synchronous')).toBe(2); // FULL
		expect(await pragma('foreign_keys')).toBe(1);
		expect(await pragma('busy_timeout')).toBe(5000);
	});

	it('build the schema from nothing, and can be rolled all the way back', async () => {
		await migrateToLatest(db, bundledMigrations);
		const created = await tables();
		for (const table of [
			'organizations',
			'staff_users',
			'sessions',
			'instruments',
			'programs',
			'pairs',
			'rounds',
			'assignments',
			'responses',
			'outbox'
		]) {
			expect(created).toContain(table);
		}
		const migrator = new Migrator({ db, provider: bundledMigrations });
		const { error } = await migrator.migrateTo(NO_MIGRATIONS);
		expect(error).toBeUndefined();
		expect(await tables()).toEqual([]);
	});

	it('stop with a clear message when one fails, and leave the database as it was', async () => {
		const broken = providerFromModules({
			'/migrations/2000_01_01_0000_create_thing.ts': {
				up: async (k: Kysely<unknown>) => {
					await k.schema.createTable('thing').addColumn('id', 'text').execute();
				}
			},
			'/migrations/2000_01_02_0000_break_thing.ts': {
				up: async (k: Kysely<unknown>) => {
					await sql`this is not sql`.execute(k);
				}
			}
		});
		const lines: string[] = [];
		const run = migrateToLatest(db, broken, (line) => lines.push(line));
		await expect(run).rejects.toThrow(MigrationFailedError);
		await expect(run).rejects.toThrow(/Database migration failed: .*syntax error/);
		expect(lines).toContain('migration 2000_01_02_0000_break_thing FAILED');
		expect(await tables()).toEqual([]);
	});
});
