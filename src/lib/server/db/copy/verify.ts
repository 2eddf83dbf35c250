import { sql } from 'kysely';
import type { Db } from '../open';
import { checksumTargetTable, readTargetTables, type Target } from './postgres-target';
import { TableChecksum } from './row-checksum';
import type { SourceTable } from './source-tables';
import { SqliteSource } from './sqlite-source';

export interface TableCheck {
	table: string;
	sourceRows: number;
	targetRows: number;
	/** Same number of rows and the same SHA-256 over every value of every row. */
	matches: boolean;
}

const FETCH_SIZE = 2_000;

/** Checks each table, both sides read row by row in the same order and hashed the same way. */
export async function compareTables(
	source: SqliteSource,
	target: Target,
	tables: readonly SourceTable[]
): Promise<TableCheck[]> {
	// PostgreSQL prints doubles shortest-exact only above 0; a role's setting could lower it.
	await sql`set local extra_float_digits = 1`.execute(target);
	const checks: TableCheck[] = [];
	for (const table of tables) {
		const names = table.columns.map((column) => column.name);
		const expected = new TableChecksum(table.columns.map((column) => column.kind));
		for (const row of source.rows(table, names)) expected.add(row);
		const found = await checksumTargetTable(target, table, FETCH_SIZE);
		checks.push({
			table: table.name,
			sourceRows: expected.rows,
			targetRows: found.rows,
			matches: expected.rows === found.rows && expected.digest() === found.digest()
		});
	}
	return checks;
}

/** Fails loudly when a table of the SQLite database has no PostgreSQL table with its columns. */
export function requireCounterparts(
	tables: readonly SourceTable[],
	found: ReadonlyMap<string, readonly string[]>
): void {
	for (const table of tables) {
		const columns = found.get(table.name);
		if (!columns) throw new Error(`The SQLite table ${table.name} has no PostgreSQL counterpart`);
		const expected = table.columns.map((column) => column.name).sort();
		if (expected.join() !== [...columns].sort().join())
			throw new Error(
				`${table.name} has columns ${expected.join(', ')} on SQLite but ${columns.join(', ')} on PostgreSQL`
			);
	}
}

/**
 * Compares the SQLite database at `sqlitePath` with the PostgreSQL database `target`, each read in
 * one snapshot: what `npm run db:copy` checks before it commits, for checking again later.
 */
export async function verifyCopy(sqlitePath: string, target: Db): Promise<TableCheck[]> {
	const source = new SqliteSource(sqlitePath);
	try {
		return await target.connection().execute(async (connection) => {
			await sql`begin isolation level repeatable read read only`.execute(connection);
			try {
				requireCounterparts(source.tables, await readTargetTables(connection));
				return await compareTables(source, connection, source.tables);
			} finally {
				// Nothing was written; a broken connection's error must not hide the first one.
				await sql`rollback`.execute(connection).catch(() => {});
			}
		});
	} finally {
		source.close();
	}
}
