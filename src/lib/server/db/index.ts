import { readConfig, type Config } from '../config';
import { openDatabase, type Db } from './open';
import { openPostgresDatabase } from './open-postgres';

export type { Db, DbOrTx } from './open';

let instance: Db | null = null;

/** PostgreSQL when DATABASE_URL is set, else the SQLite file at DATABASE_PATH. */
export function openConfiguredDatabase(config: Config = readConfig()): Db {
	return config.databaseUrl
		? openPostgresDatabase(config.databaseUrl, config.databasePoolSize)
		: openDatabase(config.databasePath);
}

/** The application's database, opened on first use. */
export function getDb(): Db {
	instance ??= openConfiguredDatabase();
	return instance;
}
