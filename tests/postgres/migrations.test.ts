import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, NO_MIGRATIONS, sql, type TableMetadata } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import { openPostgresDatabase } from '../../src/lib/server/db/open-postgres';
import { createPostgresDatabase, type PostgresTestDatabase } from '../helpers/postgres';

let server: PostgresTestDatabase;
let postgres: Db;
let sqlite: Db;
let dir: string;

beforeAll(async () => {
	server = await createPostgresDatabase();
	postgres = openPostgresDatabase(server.url);
	dir = mkdtempSync(join(tmpdir(), 'tandem-pg-migrations-'));
	sqlite = openDatabase(join(dir, 'm.db'));
	await migrateToLatest(sqlite, bundledMigrations);
});

afterAll(async () => {
	await postgres?.destroy();
	await server?.drop();
	await sqlite?.destroy();
	rmSync(dir, { recursive: true, force: true });
});

/** What PostgreSQL stores for each type SQLite's migrations declare: both 64 bits wide. */
const postgresType: Record<string, string> = {
	text: 'text',
	integer: 'int8',
	bigint: 'int8',
	real: 'float8'
};

type ColumnShape = { name: string; type: string; nullable: boolean; hasDefault: boolean };

/**
 * SQLite lets a primary key that is not an INTEGER hold NULL (a quirk kept for old files; the app
 * never writes one); PostgreSQL makes every primary key column NOT NULL.
 */
async function sqlitePrimaryKeys(db: Db): Promise<Set<string>> {
	const { rows } = await sql<{ name: string }>`
		select t.name || '.' || c.name as name from sqlite_schema t, pragma_table_info(t.name) c
		where t.type = 'table' and c.pk > 0
	`.execute(db);
	return new Set(rows.map((row) => row.name));
}

function shape(
	tables: TableMetadata[],
	typeOf: (declared: string) => string,
	notNull = new Set<string>()
) {
	return Object.fromEntries(
		tables
			.filter((table) => !table.name.startsWith('kysely_'))
			.map((table) => [
				table.name,
				table.columns
					.map((column): ColumnShape => ({
						name: column.name,
						type: typeOf(column.dataType.toLowerCase()),
						nullable: column.isNullable && !notNull.has(`${table.name}.${column.name}`),
						hasDefault: column.hasDefaultValue
					}))
					.sort((a, b) => a.name.localeCompare(b.name))
			])
	);
}

describe('migrations on PostgreSQL', () => {
	it('build from nothing the same tables and columns as on SQLite, 64-bit wide', async () => {
		const lines: string[] = [];
		await migrateToLatest(postgres, bundledMigrations, (line) => lines.push(line));
		expect(lines).toHaveLength(Object.keys(await bundledMigrations.getMigrations()).length);

		const expected = shape(
			await sqlite.introspection.getTables(),
			(t) => postgresType[t] ?? t,
			await sqlitePrimaryKeys(sqlite)
		);
		const built = shape(await postgres.introspection.getTables(), (t) => t);
		expect(Object.keys(built).sort()).toEqual(Object.keys(expected).sort());
		expect(Object.keys(built)).toHaveLength(39);
		expect(built).toEqual(expected);
	});

	it('can be rolled all the way back', async () => {
		const { error } = await new Migrator({
			db: postgres,
			provider: bundledMigrations
		}).migrateTo(NO_MIGRATIONS);
		expect(error).toBeUndefined();
		const left = (await postgres.introspection.getTables()).map((table) => table.name);
		expect(left.filter((name) => !name.startsWith('kysely_'))).toEqual([]);
	});
});
