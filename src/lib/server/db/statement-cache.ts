import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every distinct query the app runs; the least recently used goes first beyond it. */
const CAPACITY = 500;

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements kept by their SQL.
 * The driver prepares every query anew, and preparing costs more than running most of ours
 * (a survey save ran a dozen statements and spent a fifth of its time preparing them).
 * A statement still being iterated (a streamed query) is busy: a second caller gets a fresh one.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
	const statements = new Map<string, SQLite.Statement>();
	return {
		close: () => {
			statements.clear();
			sqlite.close();
		},
		prepare(sql: string): SqliteStatement {
			const cached = statements.get(sql);
			if (cached && !cached.busy) {
				statements.delete(sql);
				statements.set(sql, cached);
				return cached;
			}
			const statement = sqlite.prepare(sql);
			if (!cached) {
				statements.set(sql, statement);
				if (statements.size > CAPACITY) statements.delete(statements.keys().next().value!);
			}
			return statement;
		}
	};
}
