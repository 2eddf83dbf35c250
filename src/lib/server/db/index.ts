import { readConfig } from '../config';
import { openDatabase, type Db } from './open';

export type { Db, DbOrTx } from './open';

let instance: Db | null = null;

/** The application's database, opened on first use at DATABASE_PATH. */
export function getDb(): Db {
	instance ??= openDatabase(readConfig().databasePath);
	return instance;
}
