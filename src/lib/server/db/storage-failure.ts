/**
 * The codes for storage that refused a write: a full disk or database, a failing or read-only
 * volume, a file that cannot be opened. Nothing in the request caused them, and the same request
 * works once the storage is fixed. SQLite's extended codes (SQLITE_IOERR_WRITE…) count too; for
 * PostgreSQL the SQLSTATEs disk_full, insufficient_resources, io_error and
 * read_only_sql_transaction (a standby after failover).
 */
const STORAGE_CODES = /^(SQLITE_(FULL|IOERR|READONLY|CANTOPEN)(_|$)|53000$|53100$|58030$|25006$)/;

export interface StorageFailure extends Error {
	code: string;
}

export function isStorageFailure(error: unknown): error is StorageFailure {
	if (!(error instanceof Error) || !('code' in error)) return false;
	return typeof error.code === 'string' && STORAGE_CODES.test(error.code);
}

/** The cause in one log line: `SQLITE_FULL: database or disk is full`. */
export function describeStorageFailure(error: StorageFailure): string {
	return `${error.code}: ${error.message}`;
}
