import type SQLite from 'better-sqlite3';
import type { ColumnKind } from './row-checksum';

export interface SourceColumn {
	name: string;
	kind: ColumnKind;
}

export interface SourceTable {
	name: string;
	/** In declaration order; every read and write on both sides uses this order. */
	columns: SourceColumn[];
	primaryKey: string[];
	/** Other tables this one references: their rows go first. */
	parents: string[];
	/** Columns that reference this same table: written once every row of it is in. */
	selfReferences: string[];
}

/** Written by the migrator on each side; migrating the target fills its own. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/** SQLite's affinity rules (datatype3.html §3.1), narrowed to the types a migration may declare. */
function kindOf(table: string, column: string, declared: string): ColumnKind {
	const type = declared.toUpperCase();
	if (type.includes('INT')) return 'integer';
	if (/CHAR|CLOB|TEXT/.test(type)) return 'text';
	if (/REAL|FLOA|DOUB/.test(type)) return 'real';
	throw new Error(`${table}.${column} is declared "${declared}", a type the copy does not know`);
}

/** Every table of the app in the SQLite database: SQLite's own and the migrator's left out. */
export function readSourceTables(sqlite: SQLite.Database): SourceTable[] {
	const names = sqlite
		.prepare(
			`select name from sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\'
			 order by rowid`
		)
		.pluck()
		.all() as string[];
	return names
		.filter((name) => !MIGRATION_TABLES.includes(name))
		.map((name) => readTable(sqlite, name));
}

function readTable(sqlite: SQLite.Database, name: string): SourceTable {
	const info = sqlite.prepare('select name, type, pk from pragma_table_info(?)').all(name) as {
		name: string;
		type: string;
		pk: number;
	}[];
	const references = sqlite
		.prepare('select "table" as parent, "from" as "column" from pragma_foreign_key_list(?)')
		.all(name) as { parent: string; column: string }[];
	const primaryKey = info
		.filter((column) => column.pk > 0)
		.sort((a, b) => a.pk - b.pk)
		.map((column) => column.name);
	if (primaryKey.length === 0) throw new Error(`${name} has no primary key to order its rows by`);
	return {
		name,
		columns: info.map((column) => ({
			name: column.name,
			kind: kindOf(name, column.name, column.type)
		})),
		primaryKey,
		parents: [...new Set(references.map((r) => r.parent).filter((parent) => parent !== name))],
		selfReferences: references.filter((r) => r.parent === name).map((r) => r.column)
	};
}

/**
 * Parents before children, so every foreign key points at a row already copied. PostgreSQL checks
 * the app's foreign keys at once (the migrations declare none deferrable), so order is what works.
 */
export function orderByDependency(tables: readonly SourceTable[]): SourceTable[] {
	const byName = new Map(tables.map((table) => [table.name, table]));
	const done = new Set<string>();
	const ordered: SourceTable[] = [];
	const visit = (table: SourceTable, path: readonly string[]) => {
		if (done.has(table.name)) return;
		if (path.includes(table.name))
			throw new Error(
				`Tables reference each other in a cycle: ${[...path, table.name].join(' → ')}`
			);
		for (const name of table.parents) {
			const parent = byName.get(name);
			if (!parent) throw new Error(`${table.name} references ${name}, which is not copied`);
			visit(parent, [...path, table.name]);
		}
		done.add(table.name);
		ordered.push(table);
	};
	for (const table of tables) visit(table, []);
	return ordered;
}
