// `npm run backup -- FILE [--force]`: a consistent copy of DATABASE_PATH while the server runs.
// With DATABASE_URL set it makes nothing and prints the pg_dump commands for that database.
import { resolve } from 'node:path';
import { readConfig } from '../lib/server/config';
import { backupDatabase, BackupRefused, type BackupRefusal } from '../lib/server/db/backup';
import { postgresBackupAdvice } from '../lib/server/db/postgres-backup-advice';

const USAGE = 'Usage: npm run backup -- FILE [--force]';

const refusals: Record<BackupRefusal, (source: string, target: string) => string> = {
	source_missing: (source) => `There is no database at ${source} (set DATABASE_PATH).`,
	same_file: (source) => `${source} is the database itself: choose another file.`,
	target_exists: (_, target) => `${target} already exists. Add --force to replace it.`,
	target_folder_missing: (_, target) => `The folder for ${target} does not exist.`
};

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((arg) => arg !== '--force');
const [target] = files;
const { databasePath, databaseUrl } = readConfig();

if (!target || files.length > 1 || target.startsWith('-')) {
	console.error(USAGE);
	process.exitCode = 2;
} else if (databaseUrl) {
	console.error(postgresBackupAdvice(databaseUrl, resolve(target)));
	process.exitCode = 1;
} else {
	try {
		const result = await backupDatabase(databasePath, target, { overwrite: force });
		const restarts = result.restarts ? ` (restarted ${result.restarts}× by writes)` : '';
		console.log(
			`Backed up ${databasePath} to ${target}: ${megabytes(result.bytes)} in ${result.durationMs} ms${restarts}.`
		);
	} catch (error) {
		console.error(
			error instanceof BackupRefused
				? refusals[error.reason](databasePath, target)
				: `Backup failed: ${error instanceof Error ? error.message : error}`
		);
		process.exitCode = 1;
	}
}
