import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import { openPostgresDatabase } from '../../src/lib/server/db/open-postgres';
import { dropPostgresDatabase } from './postgres';

// Apart from database.ts, which imports the migrations through Vite (import.meta.glob): the bench
// runs outside Vite and reaches these through helpers/server.ts.

/** Whether the tests run on PostgreSQL (`npm run test:postgres`) rather than SQLite files. */
export const onPostgres = process.env.TEST_DATABASE_ENGINE === 'postgres';

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** Opens the database a server was started on: a SQLite file, or a postgres:// URL. */
export function openDatabaseAt(location: string): Db {
	return isPostgresUrl(location) ? openPostgresDatabase(location, 2) : openDatabase(location);
}

/** What a server or command-line tool needs in its environment to use this database. */
export function databaseEnv(location: string): Record<string, string> {
	return isPostgresUrl(location)
		? { DATABASE_URL: location }
		: { DATABASE_PATH: location, DATABASE_URL: '' };
}

/** Removes a test database `createTestDatabase` made, once it is closed: the folder or the database. */
export async function removeTestDatabase(location: string): Promise<void> {
	if (isPostgresUrl(location)) await dropPostgresDatabase(location);
	else rmSync(dirname(location), { recursive: true, force: true });
}
