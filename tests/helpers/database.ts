import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { openDatabase, type Db } from '../../src/lib/server/db/open';

export interface TestDatabase {
	db: Db;
	path: string;
	close(): Promise<void>;
}

/** A real SQLite file in a fresh temp folder, migrated from nothing with the app's migrations. */
export async function createTestDatabase(): Promise<TestDatabase> {
	const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
	const path = join(dir, 'test.db');
	const db = openDatabase(path);
	await migrateToLatest(db, bundledMigrations);
	return {
		db,
		path,
		async close() {
			await db.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
