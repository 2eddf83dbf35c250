import { existsSync } from 'node:fs';
import { sql, type MigrationProvider } from 'kysely';
import { migrateToLatest } from '../migrator';
import type { Db } from '../open';
import {
	insertRows,
	lockAndCountRows,
	MAX_PARAMETERS,
	readTargetTables,
	resetSequences,
	setSelfReferences,
	type Target
} from './postgres-target';
import { MIGRATION_TABLES, orderByDependency, type SourceTable } from './source-tables';
import { SqliteSource } from './sqlite-source';
import { compareTables, requireCounterparts, type TableCheck } from './verify';

export type { TableCheck } from './verify';

export type CopyRefusal =
	| 'source_missing'
	| 'source_not_tandem'
	| 'source_other_version'
	| 'target_not_tandem'
	| 'target_has_rows';

/** The copy did not start; nothing changed on either side. `names` says what is in the way. */
export class CopyRefused extends Error {
	constructor(
		readonly reason: CopyRefusal,
		readonly names: string[] = []
	) {
		super([reason, ...names].join(' '));
	}
}

export interface CopyOptions {
	/** Rows read, held and inserted at a time (fewer for wide tables). */
	batchSize?: number;
	log?: (line: string) => void;
}

export interface CopyReport {
	tables: TableCheck[];
	/** Every table matched, so the copy was committed; otherwise the target is left as it was. */
	committed: boolean;
	/** Identity or serial columns set past the copied keys (`table.column`). */
	sequencesReset: string[];
}

/**
 * Copies the SQLite database at `sqlitePath` into `target`, an empty PostgreSQL database: migrates
 * it with `migrations`, copies every table from one SQLite snapshot in batches, parents first,
 * checks every table's rows and values, and commits only if all match. The PostgreSQL side is one
 * transaction, so a refusal, an error or a mismatch leaves the target as it was.
 */
export async function copySqliteToPostgres(
	sqlitePath: string,
	target: Db,
	migrations: MigrationProvider,
	{ batchSize = 1_000, log = () => {} }: CopyOptions = {}
): Promise<CopyReport> {
	if (!existsSync(sqlitePath)) throw new CopyRefused('source_missing', [sqlitePath]);
	const source = new SqliteSource(sqlitePath);
	try {
		await requireSameVersion(source, migrations);
		const tables = orderByDependency(source.tables);
		return await target.connection().execute(async (connection) => {
			await sql`begin`.execute(connection);
			try {
				const report = await copyInTransaction(source, connection, tables, migrations, {
					batchSize,
					log
				});
				if (report.committed) await sql`commit`.execute(connection);
				else await sql`rollback`.execute(connection);
				return report;
			} catch (error) {
				await sql`rollback`.execute(connection).catch(() => {});
				throw error;
			}
		});
	} finally {
		source.close();
	}
}

async function requireSameVersion(
	source: SqliteSource,
	migrations: MigrationProvider
): Promise<void> {
	if (!source.appliedMigrations) throw new CopyRefused('source_not_tandem');
	const known = Object.keys(await migrations.getMigrations()).sort();
	const applied = source.appliedMigrations;
	if (applied.join() !== known.join())
		throw new CopyRefused('source_other_version', [applied.at(-1) ?? 'none', known.at(-1)!]);
}

async function copyInTransaction(
	source: SqliteSource,
	target: Target,
	tables: readonly SourceTable[],
	migrations: MigrationProvider,
	{ batchSize, log }: Required<CopyOptions>
): Promise<CopyReport> {
	const before = [...(await readTargetTables(target)).keys()];
	if (before.length > 0 && !before.includes(MIGRATION_TABLES[0]!))
		throw new CopyRefused('target_not_tandem', before);
	await migrateToLatest(target, migrations, log, { inOpenTransaction: true });
	const migrated = await readTargetTables(target);
	const names = new Set(tables.map((table) => table.name));
	const others = [...migrated.keys()].filter(
		(name) => !names.has(name) && !MIGRATION_TABLES.includes(name)
	);
	if (others.length > 0) throw new CopyRefused('target_not_tandem', others);
	requireCounterparts(tables, migrated);
	const counts = await lockAndCountRows(target, [...names]);
	const filled = [...counts].filter(([, rows]) => rows > 0);
	if (filled.length > 0)
		throw new CopyRefused(
			'target_has_rows',
			filled.map(([name, rows]) => `${name} (${rows})`)
		);

	for (const table of tables) {
		const started = performance.now();
		const rows = await copyTable(source, target, table, batchSize).catch((error: unknown) => {
			const reason = error instanceof Error ? error.message : String(error);
			throw new Error(`Copying ${table.name} failed: ${reason}`, { cause: error });
		});
		log(`copied ${table.name}: ${rows} rows in ${Math.round(performance.now() - started)} ms`);
	}
	const sequencesReset = await resetSequences(target);
	const checks = await compareTables(source, target, tables);
	return { tables: checks, committed: checks.every((check) => check.matches), sequencesReset };
}

/**
 * Streams the table from SQLite into multi-row inserts. Columns that point into the same table
 * are left empty at first and set once every row is in, as their target may come later.
 */
async function copyTable(
	source: SqliteSource,
	target: Target,
	table: SourceTable,
	batchSize: number
): Promise<number> {
	const columns = table.columns.map((column) => column.name);
	const deferred = columns.map((name) => table.selfReferences.includes(name));
	const perInsert = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / columns.length)));
	let copied = 0;
	for (const batch of batches(source.rows(table, columns), perInsert)) {
		const rows = table.selfReferences.length
			? batch.map((row) => row.map((value, i) => (deferred[i] ? null : value)))
			: batch;
		await insertRows(target, table.name, columns, rows);
		copied += batch.length;
	}
	if (table.selfReferences.length > 0) {
		const keyAndReferences = [...table.primaryKey, ...table.selfReferences];
		for (const row of source.rows(table, keyAndReferences, true))
			await setSelfReferences(target, table, row);
	}
	return copied;
}

function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
	let batch: T[] = [];
	for (const item of items) {
		batch.push(item);
		if (batch.length === size) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length > 0) yield batch;
}
