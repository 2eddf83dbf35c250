import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import { openPostgresDatabase } from '../../src/lib/server/db/open-postgres';
import { databaseEnv, onPostgres, openDatabaseAt } from './database-location';
import { createPostgresDatabase } from './postgres';

export { databaseEnv, onPostgres, openDatabaseAt, removeTestDatabase } from './database-location';

/** A second, separate connection to a test database, as another process would open it. */
export function openAnotherConnection(t: TestDatabase): Db {
	return openDatabaseAt(t.path);
}

export interface TestDatabase {
	db: Db;
	/** The SQLite file; on PostgreSQL the database's postgres:// URL. */
	path: string;
	/** What a command-line tool run on this database needs in its environment. */
	env: Record<string, string>;
	close(): Promise<void>;
}

/**
 * A real SQLite file in a fresh temp folder, migrated from nothing with the app's migrations.
 * With TEST_DATABASE_ENGINE=postgres, a throwaway PostgreSQL database instead (helpers/postgres).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
	if (onPostgres) return createPostgresTestDatabase();
	const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
	const path = join(dir, 'test.db');
	const db = openDatabase(path);
	await migrateToLatest(db, bundledMigrations);
	return {
		db,
		path,
		env: databaseEnv(path),
		async close() {
			await db.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function createPostgresTestDatabase(): Promise<TestDatabase> {
	const database = await createPostgresDatabase();
	const db = openPostgresDatabase(database.url);
	await migrateToLatest(db, bundledMigrations);
	return {
		db,
		path: database.url,
		env: databaseEnv(database.url),
		async close() {
			await db.destroy();
			await database.drop();
		}
	};
}
