import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { openPostgresDatabase } from '../../src/lib/server/db/open-postgres';

/** One hash per table: the whole database's content, in a form cheap to compare. */
export type TableChecksums = Record<string, string>;

/**
 * What may change while a request is refused. Anything else that changes means the refused
 * request wrote something.
 */
export interface ChecksumPolicy {
	/** Tables left out whole, because every attempt of some kind counts in them. */
	ignoreTables: readonly string[];
	/** Columns left out per table, because every request may write them. */
	ignoreColumns: Record<string, readonly string[]>;
	/** Audit actions left out: the record of the refusal itself is the one write allowed. */
	ignoreAuditActions: readonly string[];
}

/**
 * A refused request may leave these traces:
 * - `sessions.last_verified_at`: sliding expiry touches the session of whoever sends a request,
 *   whatever the answer (at most every five minutes, so a long run would flake without this);
 * - an audit row of a refused sign-in or second step: recording failures is the point of the log;
 * - an audit row of the pair's answers being viewed: a refused form on the pair page shows the
 *   page again, answers included, and every showing is audited.
 * - `attempt_limits`: a refused sign-in, second step or mail send is counted before it is checked.
 * - `write_probes`: a health check rewrites its one row (every few seconds at most).
 * - `pair_assessments`, `evidence_marks`: a page that shows a program's pairs keeps their
 *   assessments, worked out from answers already there, and marks the program's evidence
 *   (analytics/pair-assessments.ts, evidence-marks.ts).
 * Every other table and column, the rest of the audit log included, must stay as it was.
 */
export const REFUSED_REQUEST_POLICY: ChecksumPolicy = {
	ignoreTables: ['attempt_limits', 'write_probes', 'pair_assessments', 'evidence_marks'],
	ignoreColumns: { sessions: ['last_verified_at'] },
	ignoreAuditActions: [
		'signin.failed',
		'signin.throttled',
		'two_factor.failed',
		'pair.answers_viewed'
	]
};

/** A page or download that only reads may also leave the audit row of who looked at what. */
export const READ_REQUEST_POLICY: ChecksumPolicy = {
	...REFUSED_REQUEST_POLICY,
	ignoreAuditActions: [
		...REFUSED_REQUEST_POLICY.ignoreAuditActions,
		'program.exported',
		'participant.exported',
		'instrument.exported',
		'audit.exported'
	]
};

export interface DatabaseChecksums {
	/** Hashes of every table now; cheap when nothing was committed since the last call. */
	snapshot(policy?: ChecksumPolicy): Promise<TableChecksums>;
	close(): Promise<void>;
}

/** The tables whose hashes differ (or that appeared or disappeared). */
export function changedTables(before: TableChecksums, after: TableChecksums): string[] {
	const names = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...names].filter((name) => before[name] !== after[name]).sort();
}

/**
 * Reads a database another process writes (the running server), through its own connection:
 * a SQLite file, or a postgres:// URL.
 */
export function openDatabaseChecksums(location: string): DatabaseChecksums {
	return /^postgres(ql)?:\/\//.test(location)
		? openPostgresChecksums(location)
		: openSqliteChecksums(location);
}

/** Each table's rows are hashed in rowid order, every value SQL-quoted, so any change shows. */
function openSqliteChecksums(path: string): DatabaseChecksums {
	const sqlite = new SQLite(path);
	sqlite.pragma('busy_timeout = 5000');
	const dumps = new Map<ChecksumPolicy, Map<string, SQLite.Statement>>();
	let cached: { version: number; policy: ChecksumPolicy; checksums: TableChecksums } | null = null;

	// data_version changes whenever another connection commits: nothing new, nothing to hash.
	const dataVersion = () => sqlite.pragma('data_version', { simple: true }) as number;
	const statementsFor = (policy: ChecksumPolicy) => {
		let statements = dumps.get(policy);
		if (!statements) {
			statements = new Map(
				tablesOf(sqlite)
					.filter((table) => !policy.ignoreTables.includes(table))
					.map((table) => [table, sqlite.prepare(tableDumpSql(sqlite, table, policy)).pluck()])
			);
			dumps.set(policy, statements);
		}
		return statements;
	};

	return {
		async snapshot(policy = REFUSED_REQUEST_POLICY) {
			const version = dataVersion();
			if (cached && cached.version === version && cached.policy === policy) return cached.checksums;
			const checksums = sqlite.transaction(() => hashTables(statementsFor(policy)))();
			cached = { version, policy, checksums };
			return checksums;
		},
		close: async () => void sqlite.close()
	};
}

/**
 * Each table hashed by PostgreSQL itself: every row as one line of quoted values, the lines in
 * their sorted order, all tables in one query (the tables are read once per policy). Nothing is
 * hashed again while the server has written no WAL since.
 */
function openPostgresChecksums(url: string): DatabaseChecksums {
	const db = openPostgresDatabase(url, 1);
	const queries = new Map<ChecksumPolicy, Promise<string>>();
	let cached: { lsn: string; policy: ChecksumPolicy; checksums: TableChecksums } | null = null;
	const lastWrite = async () =>
		(await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(db))
			.rows[0]!.lsn;
	const queryFor = (policy: ChecksumPolicy) => {
		let query = queries.get(policy);
		if (!query) {
			query = db.introspection.getTables().then((tables) => postgresHashSql(tables, policy));
			queries.set(policy, query);
		}
		return query;
	};
	return {
		async snapshot(policy = REFUSED_REQUEST_POLICY) {
			const lsn = await lastWrite();
			if (cached && cached.lsn === lsn && cached.policy === policy) return cached.checksums;
			const { rows } = await sql<{ name: string; n: number; hash: string }>`${sql.raw(
				await queryFor(policy)
			)}`.execute(db);
			const checksums: TableChecksums = {};
			for (const row of rows) checksums[row.name] = `${row.n}:${row.hash}`;
			cached = { lsn, policy, checksums };
			return checksums;
		},
		close: () => db.destroy()
	};
}

/** One row per table kept by the policy: its name, row count and the md5 of its sorted lines. */
function postgresHashSql(
	tables: { name: string; columns: { name: string }[] }[],
	policy: ChecksumPolicy
): string {
	return tables
		.filter((table) => !policy.ignoreTables.includes(table.name))
		.map((table) => {
			const ignored = new Set(policy.ignoreColumns[table.name] ?? []);
			const line = table.columns
				.filter((column) => !ignored.has(column.name))
				.map((column) => `quote_nullable(${JSON.stringify(column.name)})`)
				.join(" || ',' || ");
			const skipped =
				table.name === 'audit_log' && policy.ignoreAuditActions.length > 0
					? `where action not in (${policy.ignoreAuditActions.map((a) => `'${a}'`).join(', ')})`
					: '';
			return `select '${table.name}' as name, count(*)::int as n,
				md5(coalesce(string_agg(line, E'\\n' order by line), '')) as hash
				from (select ${line} as line from ${JSON.stringify(table.name)} ${skipped}) rows`;
		})
		.join('\nunion all\n');
}

function tablesOf(sqlite: SQLite.Database): string[] {
	const names = sqlite
		.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
		.pluck()
		.all() as string[];
	return names.sort();
}

function hashTables(statements: Map<string, SQLite.Statement>): TableChecksums {
	const checksums: TableChecksums = {};
	for (const [table, statement] of statements) {
		const hash = createHash('sha256');
		let rows = 0;
		for (const line of statement.iterate() as IterableIterator<string>) {
			hash.update(line).update('\n');
			rows++;
		}
		checksums[table] = `${rows}:${hash.digest('hex')}`;
	}
	return checksums;
}

/** Every row of a table as one line of SQL-quoted values, in rowid order. */
function tableDumpSql(sqlite: SQLite.Database, table: string, policy: ChecksumPolicy): string {
	const ignored = new Set(policy.ignoreColumns[table] ?? []);
	const columns = (
		sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]
	)
		.filter((column) => !ignored.has(column))
		.map((column) => `quote("${column}")`);
	const skipped =
		table === 'audit_log' && policy.ignoreAuditActions.length > 0
			? `WHERE action NOT IN (${policy.ignoreAuditActions.map((a) => `'${a}'`).join(', ')})`
			: '';
	const definition = sqlite
		.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`)
		.pluck()
		.get(table);
	const withoutRowid = String(definition).toUpperCase().includes('WITHOUT ROWID');
	return `SELECT ${columns.join(" || ',' || ")} FROM "${table}" ${skipped} ORDER BY ${withoutRowid ? columns.join(', ') : 'rowid'}`;
}
