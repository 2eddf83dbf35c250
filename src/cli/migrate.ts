// `npm run migrate`: apply pending migrations to DATABASE_PATH with the same runner as the server.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfig } from '../lib/server/config';
import { openDatabase } from '../lib/server/db/open';
import {
	migrateToLatest,
	providerFromModules,
	type MigrationModule
} from '../lib/server/db/migrator';

const folder = join(import.meta.dirname, '..', '..', 'migrations');
const modules: Record<string, MigrationModule> = {};
for (const file of readdirSync(folder)
	.filter((f) => f.endsWith('.ts'))
	.sort()) {
	modules[file] = await import(pathToFileURL(join(folder, file)).href);
}

const { databasePath } = readConfig();
const db = openDatabase(databasePath);
try {
	await migrateToLatest(db, providerFromModules(modules), (line) => console.log(line));
	console.log(`Database ${databasePath} is up to date.`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
