/**
 * SQLite's codes for storage that refused a write: a full disk or database, a failing or
 * read-only volume, a file that cannot be opened. Nothing in the request caused them, and the
 * same request works once the storage is fixed. Extended codes (SQLITE_IOERR_WRITE…) count too.
 */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)(_|$)/;

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
