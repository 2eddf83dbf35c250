import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
	CompiledQuery,
	Kysely,
	SqliteAdapter,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Driver,
	type SqliteDialectConfig,
	type Transaction
} from 'kysely';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';

export type Db = Kysely<Database>;
export type DbOrTx = Kysely<Database> | Transaction<Database>;

/**
 * SQLite can roll back schema changes, but Kysely's adapter says it cannot. Saying so lets the
 * migrator run all pending migrations in one transaction: a failure leaves the file untouched.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
	override get supportsTransactionalDdl(): boolean {
		return true;
	}
}

/**
 * Transactions take the write lock when they begin. A plain (deferred) transaction that reads and
 * then writes fails at once with SQLITE_BUSY when another process (the reminders job, a second
 * server) committed in between: its snapshot is stale, so busy_timeout cannot help. BEGIN
 * IMMEDIATE waits for the lock under busy_timeout instead, and then reads fresh data.
 */
class ImmediateTransactionSqliteDriver extends SqliteDriver {
	readonly #sqlite: SQLite.Database;

	constructor(config: SqliteDialectConfig, sqlite: SQLite.Database) {
		super(config);
		this.#sqlite = sqlite;
	}

	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}

	/**
	 * After a full disk or an I/O error SQLite has already rolled the transaction back; a second
	 * rollback would fail ("no transaction is active") and hide the error that says why.
	 */
	override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		if (this.#sqlite.inTransaction) await super.rollbackTransaction(connection);
	}
}

class TandemSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig;
	readonly #sqlite: SQLite.Database;

	constructor(sqlite: SQLite.Database) {
		const config = { database: withStatementCache(sqlite) };
		super(config);
		this.#config = config;
		this.#sqlite = sqlite;
	}

	override createDriver(): Driver {
		return new ImmediateTransactionSqliteDriver(this.#config, this.#sqlite);
	}

	override createAdapter(): SqliteAdapter {
		return new TransactionalDdlSqliteAdapter();
	}
}

/** The SQLite connection behind each database this module opened. */
const connections = new WeakMap<Db, SQLite.Database>();

/**
 * The one place that knows the database is SQLite. Pragmas are set on every open:
 * an answer acknowledged to a participant must survive power loss (synchronous=FULL); 4 MB of
 * pages kept in memory (better-sqlite3's build keeps 16 MB) hold the indexes saves and
 * sign-ins use, and the operating system's file cache serves the rest about as fast.
 * Deleted and overwritten content is zeroed on its page (secure_delete), so an erased person
 * does not linger in free space of the file or of a backup copied page by page.
 */
export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('secure_delete = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('cache_size = -4000');
	const db = new Kysely<Database>({ dialect: new TandemSqliteDialect(sqlite) });
	connections.set(db, sqlite);
	return db;
}

/**
 * Whether the database's one connection is inside a transaction: false once SQLite has rolled
 * back on its own, so the writes made in it so far are gone.
 */
export function isTransactionOpen(db: Db): boolean {
	return connections.get(db)?.inTransaction ?? true;
}
