import SQLite from 'better-sqlite3';
import { MIGRATION_TABLES, readSourceTables, type SourceTable } from './source-tables';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The SQLite database being copied, read in one snapshot: a deferred transaction takes it at its
 * first read and keeps it until `close`, whatever other connections commit meanwhile (WAL).
 */
export class SqliteSource {
	readonly #sqlite: SQLite.Database;
	readonly tables: SourceTable[];
	readonly appliedMigrations: string[] | null;

	constructor(path: string) {
		this.#sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
		try {
			this.#sqlite.pragma('busy_timeout = 5000');
			this.#sqlite.exec('begin');
			this.tables = readSourceTables(this.#sqlite);
			this.appliedMigrations = this.#readAppliedMigrations();
		} catch (error) {
			this.#sqlite.close();
			throw error;
		}
	}

	#readAppliedMigrations(): string[] | null {
		const exists = this.#sqlite
			.prepare(`select 1 from sqlite_schema where type = 'table' and name = ?`)
			.get(MIGRATION_TABLES[0]);
		if (!exists) return null;
		return this.#sqlite
			.prepare(`select name from ${quote(MIGRATION_TABLES[0]!)} order by name`)
			.pluck()
			.all() as string[];
	}

	/**
	 * The rows of `table` as arrays of `columns`, integers as bigint so that none is rounded, in
	 * primary-key order (text by its bytes, as PostgreSQL's "C" collation orders it). With
	 * `selfReferencing`, only the rows that point at another row of the same table. Streams: the
	 * connection serves nothing else until the iteration ends.
	 */
	rows(
		table: SourceTable,
		columns: readonly string[],
		selfReferencing = false
	): IterableIterator<unknown[]> {
		const kinds = new Map(table.columns.map((column) => [column.name, column.kind]));
		const order = table.primaryKey
			.map((name) => (kinds.get(name) === 'text' ? `${quote(name)} collate binary` : quote(name)))
			.join(', ');
		const where = selfReferencing
			? `where ${table.selfReferences.map((name) => `${quote(name)} is not null`).join(' or ')}`
			: '';
		const statement = this.#sqlite.prepare(
			`select ${columns.map(quote).join(', ')} from ${quote(table.name)} ${where} order by ${order}`
		);
		return statement.raw(true).safeIntegers(true).iterate() as IterableIterator<unknown[]>;
	}

	close(): void {
		if (this.#sqlite.inTransaction) this.#sqlite.exec('rollback');
		this.#sqlite.close();
	}
}
