import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import {
	migrateToLatest,
	providerFromModules,
	type MigrationModule
} from '../../src/lib/server/db/migrator';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import { openPostgresDatabase } from '../../src/lib/server/db/open-postgres';
import { createPostgresDatabase } from '../helpers/postgres';

const MIGRATIONS = resolve(import.meta.dirname, '..', '..', 'migrations');

export type Engine = 'sqlite' | 'postgres';

export interface BenchDatabase {
	db: Db;
	/** What the server is started on: the SQLite file, or the database's postgres:// URL. */
	location: string;
	/** Closes `db` and deletes the database. */
	remove(): Promise<void>;
}

/**
 * A new database migrated as `npm run migrate` does (the bench runs outside Vite): a SQLite file
 * in a temp folder, or a throwaway database on the test PostgreSQL server (helpers/postgres.ts).
 */
export async function createBenchDatabase(engine: Engine): Promise<BenchDatabase> {
	const modules: Record<string, MigrationModule> = {};
	for (const file of readdirSync(MIGRATIONS)
		.filter((f) => f.endsWith('.ts'))
		.sort()) {
		modules[file] = await import(pathToFileURL(join(MIGRATIONS, file)).href);
	}
	const bench = engine === 'postgres' ? await onPostgres() : onSqlite();
	try {
		await migrateToLatest(bench.db, providerFromModules(modules));
	} catch (error) {
		await bench.remove();
		throw error;
	}
	return bench;
}

function onSqlite(): BenchDatabase {
	const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
	const location = join(dir, 'bench.db');
	const db = openDatabase(location);
	return {
		db,
		location,
		async remove() {
			await db.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function onPostgres(): Promise<BenchDatabase> {
	const database = await createPostgresDatabase();
	const db = openPostgresDatabase(database.url);
	return {
		db,
		location: database.url,
		async remove() {
			await db.destroy();
			await database.drop();
		}
	};
}

/** The engine and its version, for the line that describes the machine. */
export async function describeEngine(db: Db, engine: Engine): Promise<string> {
	const query =
		engine === 'postgres'
			? sql<{ version: string }>`select current_setting('server_version') as version`
			: sql<{ version: string }>`select sqlite_version() as version`;
	const { rows } = await query.execute(db);
	return `${engine === 'postgres' ? 'PostgreSQL' : 'SQLite'} ${rows[0]!.version}`;
}

/**
 * On PostgreSQL, VACUUM ANALYZE once the seed is in: what autovacuum has long since done on a
 * running installation. Without it the measures would depend on when autovacuum reaches the new
 * database: until then reads plan without statistics and set each new row's hint bits (in one
 * probe here the first cold evidence read took 7 s, about 1.5 s after VACUUM ANALYZE). Tandem
 * never runs ANALYZE on SQLite, so there is nothing to do there.
 */
export async function settleSeededDatabase(db: Db, engine: Engine): Promise<void> {
	if (engine !== 'postgres') return;
	const { rows } = await sql<{ name: string }>`
		select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
	await sql`vacuum (analyze) ${sql.join(rows.map((row) => sql.table(row.name)))}`.execute(db);
}
