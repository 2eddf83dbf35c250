import SQLite from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateId } from '../util/ids';

export interface BackupResult {
	bytes: number;
	durationMs: number;
	/** How often writers changed the database mid-copy, so the copy began again. */
	restarts: number;
}

export type BackupRefusal =
	'source_missing' | 'same_file' | 'target_exists' | 'target_folder_missing';

export class BackupRefused extends Error {
	constructor(readonly reason: BackupRefusal) {
		super(reason);
	}
}

export interface BackupOptions {
	overwrite?: boolean;
	/** Pages copied between pauses; the server's writes go on during each pause. */
	pagesPerStep?: number;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function removeDatabaseFile(path: string): void {
	for (const suffix of ['', ...SIDE_FILES]) rmSync(path + suffix, { force: true });
}

/**
 * SQLite starts an online backup again whenever another connection writes between two steps.
 * Under steady writes small steps might never finish, so each restart doubles the step until one
 * step copies the whole file from a single snapshot (readers never block writers in WAL mode).
 */
function adaptiveSteps(pagesPerStep: number) {
	let step = pagesPerStep;
	let lastRemaining = Infinity;
	let restarts = 0;
	return {
		progress({ remainingPages }: { remainingPages: number }): number {
			if (remainingPages >= lastRemaining) {
				restarts++;
				step *= 2;
			}
			lastRemaining = remainingPages;
			return step;
		},
		restarts: () => restarts
	};
}

/**
 * A consistent copy of the database at `sourcePath` in `targetPath`, taken page by page while
 * other processes keep reading and writing it. The copy is written beside the target and renamed
 * into place only once SQLite has checked it, so a failed backup never leaves a half file.
 */
export async function backupDatabase(
	sourcePath: string,
	targetPath: string,
	{ overwrite = false, pagesPerStep = 100 }: BackupOptions = {}
): Promise<BackupResult> {
	if (!existsSync(sourcePath)) throw new BackupRefused('source_missing');
	if (resolve(sourcePath) === resolve(targetPath)) throw new BackupRefused('same_file');
	if (!existsSync(dirname(resolve(targetPath)))) throw new BackupRefused('target_folder_missing');
	if (existsSync(targetPath) && !overwrite) throw new BackupRefused('target_exists');

	const started = performance.now();
	const partial = join(dirname(resolve(targetPath)), `.${generateId()}.backup-partial`);
	const source = new SQLite(sourcePath, { fileMustExist: true });
	const steps = adaptiveSteps(pagesPerStep);
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(partial, { progress: steps.progress });
		checkCopy(partial);
		removeDatabaseFile(targetPath);
		renameSync(partial, targetPath);
	} finally {
		source.close();
		removeDatabaseFile(partial);
	}
	return {
		bytes: statSync(targetPath).size,
		durationMs: Math.round(performance.now() - started),
		restarts: steps.restarts()
	};
}

/** Opens the copy on its own and asks SQLite whether every page is sound. */
function checkCopy(path: string): void {
	const copy = new SQLite(path, { fileMustExist: true });
	try {
		const result = copy.pragma('quick_check', { simple: true });
		if (result !== 'ok') throw new Error(`The backup copy failed SQLite's check: ${result}`);
		// A single file to copy around: no write-ahead log beside it.
		copy.pragma('journal_mode = DELETE');
	} finally {
		copy.close();
	}
}
