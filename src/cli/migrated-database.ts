// The database a command-line tool works on (DATABASE_URL, else DATABASE_PATH), brought up to date with the
// migrations in migrations/ by the same runner as the server.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MigrationProvider } from 'kysely';
import { readConfig } from '../lib/server/config';
import { openConfiguredDatabase, type Db } from '../lib/server/db';
import {
	migrateToLatest,
	providerFromModules,
	type MigrationModule
} from '../lib/server/db/migrator';

/** The migrations in migrations/, loaded from their files (a command-line tool runs outside Vite). */
export async function migrationProvider(): Promise<MigrationProvider> {
	const folder = join(import.meta.dirname, '..', '..', 'migrations');
	const modules: Record<string, MigrationModule> = {};
	for (const file of readdirSync(folder)
		.filter((f) => f.endsWith('.ts'))
		.sort()) {
		modules[file] = await import(pathToFileURL(join(folder, file)).href);
	}
	return providerFromModules(modules);
}

/** Opens the configured database and applies pending migrations, reporting each through `log`. */
export async function openMigratedDatabase(
	log: (line: string) => void = () => {}
): Promise<{ db: Db; databasePath: string }> {
	const config = readConfig();
	const db = openConfiguredDatabase(config);
	// The URL may hold a password: name the engine, not the address.
	const databasePath = config.databaseUrl ? 'at DATABASE_URL (PostgreSQL)' : config.databasePath;
	try {
		await migrateToLatest(db, await migrationProvider(), log);
	} catch (error) {
		await db.destroy();
		throw error;
	}
	return { db, databasePath };
}
