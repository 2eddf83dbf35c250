import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	migrateToLatest,
	providerFromModules,
	type MigrationModule
} from '../../src/lib/server/db/migrator';
import { openDatabase, type Db } from '../../src/lib/server/db/open';

const MIGRATIONS = resolve(import.meta.dirname, '..', '..', 'migrations');

/** A new database file migrated as `npm run migrate` does (the bench runs outside Vite). */
export async function createBenchDatabase(path: string): Promise<Db> {
	const modules: Record<string, MigrationModule> = {};
	for (const file of readdirSync(MIGRATIONS)
		.filter((f) => f.endsWith('.ts'))
		.sort()) {
		modules[file] = await import(pathToFileURL(join(MIGRATIONS, file)).href);
	}
	const db = openDatabase(path);
	await migrateToLatest(db, providerFromModules(modules));
	return db;
}
