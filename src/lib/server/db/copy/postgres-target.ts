import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { TableChecksum } from './row-checksum';
import type { SourceTable } from './source-tables';

/** The target database on one connection, inside the copy's one transaction. */
export type Target = Kysely<Database>;

/** The most parameters one PostgreSQL statement may carry (the protocol counts them in 16 bits). */
export const MAX_PARAMETERS = 65_535;

const id = (name: string) => sql.id(name);
const list = (names: readonly string[]) => sql.join(names.map(id));

/** The tables in the target's current schema, each with its columns in order. */
export async function readTargetTables(target: Target): Promise<Map<string, string[]>> {
	const { rows } = await sql<{ table_name: string; column_name: string | null }>`
		select t.table_name, c.column_name
		from information_schema.tables t
		left join information_schema.columns c
			on c.table_schema = t.table_schema and c.table_name = t.table_name
		where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
		order by t.table_name, c.ordinal_position
	`.execute(target);
	const tables = new Map<string, string[]>();
	for (const row of rows) {
		const columns = tables.get(row.table_name) ?? [];
		if (row.column_name !== null) columns.push(row.column_name);
		tables.set(row.table_name, columns);
	}
	return tables;
}

/**
 * How many rows each table holds, once nobody else can write them: a server started on the target
 * meanwhile waits for the copy to commit instead of adding rows beside it.
 */
export async function lockAndCountRows(
	target: Target,
	tables: readonly string[]
): Promise<Map<string, number>> {
	await sql`lock table ${list(tables)} in exclusive mode`.execute(target);
	const counts = tables.map(
		(name) => sql`select ${sql.lit(name)}::text as name, count(*) as rows from ${sql.table(name)}`
	);
	const { rows } = await sql<{
		name: string;
		rows: number;
	}>`${sql.join(counts, sql` union all `)}`.execute(target);
	return new Map(rows.map((row) => [row.name, Number(row.rows)]));
}

export async function insertRows(
	target: Target,
	table: string,
	columns: readonly string[],
	rows: readonly unknown[][]
): Promise<void> {
	const values = rows.map((row) => sql`(${sql.join(row)})`);
	await sql`insert into ${sql.table(table)} (${list(columns)}) values ${sql.join(values)}`.execute(
		target
	);
}

/** `row` holds the primary key's values, then the self-referencing columns'. */
export async function setSelfReferences(
	target: Target,
	table: SourceTable,
	row: readonly unknown[]
): Promise<void> {
	const keys = table.primaryKey.length;
	const sets = table.selfReferences.map((name, i) => sql`${id(name)} = ${row[keys + i]}`);
	const where = table.primaryKey.map((name, i) => sql`${id(name)} = ${row[i]}`);
	await sql`update ${sql.table(table.name)} set ${sql.join(sets)}
		where ${sql.join(where, sql` and `)}`.execute(target);
}

/**
 * Identity and serial columns would otherwise hand out 1 next, a key the copy already used. The
 * app's migrations declare none today (its keys are random text); this keeps a later one safe.
 */
export async function resetSequences(target: Target): Promise<string[]> {
	const { rows } = await sql<{ table_name: string; column_name: string; sequence: string }>`
		select table_name, column_name,
			pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) as sequence
		from information_schema.columns
		where table_schema = current_schema()
			and pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) is not null
		order by table_name, column_name
	`.execute(target);
	for (const { table_name, column_name, sequence } of rows) {
		await sql`select setval(${sequence}, max(${id(column_name)})) from ${sql.table(table_name)}
			having max(${id(column_name)}) is not null`.execute(target);
	}
	return rows.map((row) => `${row.table_name}.${row.column_name}`);
}

/**
 * Reads the table through a cursor, `fetchSize` rows at a time, in the order the SQLite side
 * reads it: text keys by bytes ("C" collation), every value as PostgreSQL prints it.
 */
export async function checksumTargetTable(
	target: Target,
	table: SourceTable,
	fetchSize: number
): Promise<TableChecksum> {
	const checksum = new TableChecksum(table.columns.map((column) => column.kind));
	const kinds = new Map(table.columns.map((column) => [column.name, column.kind]));
	const order = table.primaryKey.map((name) =>
		kinds.get(name) === 'text' ? sql`${id(name)} collate "C"` : id(name)
	);
	const values = table.columns.map((column) => sql`${id(column.name)}::text`);
	await sql`declare tandem_copy_rows no scroll cursor for
		select ${sql.join(values)} from ${sql.table(table.name)} order by ${sql.join(order)}`.execute(
		target
	);
	for (;;) {
		const { rows } = await sql<Record<string, string | null>>`
			fetch forward ${sql.lit(fetchSize)} from tandem_copy_rows`.execute(target);
		for (const row of rows) checksum.add(table.columns.map((column) => row[column.name]));
		if (rows.length < fetchSize) break;
	}
	await sql`close tandem_copy_rows`.execute(target);
	return checksum;
}
