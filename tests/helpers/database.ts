import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import { openPostgresDatabase } from '../../src/lib/server/db/open-postgres';
import { createPostgresDatabase, dropPostgresDatabase } from './postgres';

/** Whether the tests run on PostgreSQL (`npm run test:postgres`) rather than SQLite files. */
export const onPostgres = process.env.TEST_DATABASE_ENGINE === 'postgres';

/** A second, separate connection to a test database, as another process would open it. */
export function openAnotherConnection(t: TestDatabase): Db {
	return openDatabaseAt(t.path);
}

const isUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** Opens the database a server was started on: a SQLite file, or a postgres:// URL. */
export function openDatabaseAt(location: string): Db {
	return isUrl(location) ? openPostgresDatabase(location, 2) : openDatabase(location);
}

/** What a server or command-line tool needs in its environment to use this database. */
export function databaseEnv(location: string): Record<string, string> {
	return isUrl(location)
		? { DATABASE_URL: location }
		: { DATABASE_PATH: location, DATABASE_URL: '' };
}

/** Removes a test database `createTestDatabase` made, once it is closed: the folder or the database. */
export async function removeTestDatabase(location: string): Promise<void> {
	if (isUrl(location)) await dropPostgresDatabase(location);
	else rmSync(dirname(location), { recursive: true, force: true });
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
