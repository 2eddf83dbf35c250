// `npm run db:copy -- --to postgres://… [--from FILE]`: moves this installation from SQLite
// (DATABASE_PATH, or FILE) into an empty PostgreSQL database, checks every table on both sides and
// says what to do next. Nothing is written to PostgreSQL unless every table matches.
import { parseArgs } from 'node:util';
import { readConfig } from '../lib/server/config';
import {
	copySqliteToPostgres,
	CopyRefused,
	type CopyRefusal,
	type TableCheck
} from '../lib/server/db/copy/copy';
import { openPostgresDatabase } from '../lib/server/db/open-postgres';
import { migrationProvider } from './migrated-database';

const USAGE = 'Usage: npm run db:copy -- --to postgres://user:password@host/database [--from FILE]';
const UNCHANGED = 'Nothing was changed.';

const refusals: Record<CopyRefusal, (from: string, names: string[]) => string> = {
	source_missing: (from) => `There is no database at ${from} (set DATABASE_PATH or --from).`,
	source_not_tandem: (from) => `${from} is not a Tandem database: it has no migrations table.`,
	source_other_version: (from, [last, ours]) =>
		`${from} was migrated up to ${last}, but this Tandem's migrations end at ${ours}. ` +
		`Run the copy with the Tandem version that matches it (npm run migrate with DATABASE_PATH=${from} brings an older file up to date).`,
	target_not_tandem: (_, names) =>
		`The PostgreSQL database is not empty: it has tables Tandem did not make (${names.join(', ')}). Copy into a new, empty database.`,
	target_has_rows: (_, names) =>
		`The PostgreSQL database already holds Tandem data (rows in ${names.join(', ')}). Copy into a new, empty database.`
};

function stop(message: string): never {
	console.error(message);
	process.exit(2);
}

/** The address without its password, fit to print. */
function shown(url: string): string {
	const address = new URL(url);
	address.password = '';
	address.searchParams.delete('password');
	return address.toString();
}

function printChecks(checks: TableCheck[]): void {
	const width = Math.max(...checks.map((check) => check.table.length), 'table'.length);
	const line = (table: string, sqlite: string, postgres: string, result: string) =>
		console.log(
			`${table.padEnd(width)}  ${sqlite.padStart(10)}  ${postgres.padStart(10)}  ${result}`
		);
	line('table', 'SQLite', 'PostgreSQL', 'check');
	for (const check of checks)
		line(
			check.table,
			String(check.sourceRows),
			String(check.targetRows),
			check.matches ? 'OK' : 'MISMATCH'
		);
}

let values: { to?: string; from?: string };
try {
	({ values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } }));
} catch {
	stop(USAGE);
}
const to = values.to;
if (!to) stop(USAGE);
if (!/^postgres(ql)?:\/\//.test(to)) stop(`--to must be a postgres:// address.\n${USAGE}`);
const from = values.from ?? readConfig().databasePath;

console.log(`Copying ${from} to PostgreSQL at ${shown(to)}.`);
const started = performance.now();
const target = openPostgresDatabase(to, 1);
try {
	const report = await copySqliteToPostgres(from, target, await migrationProvider(), {
		log: (line) => console.log(line)
	});
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	printChecks(report.tables);
	if (report.sequencesReset.length > 0)
		console.log(`Sequences set past the copied keys: ${report.sequencesReset.join(', ')}.`);
	if (!report.committed) {
		const failed = report.tables.filter((check) => !check.matches).length;
		console.error(
			`${failed} table(s) differ after copying, so nothing was committed: the PostgreSQL database is as it was.`
		);
		process.exitCode = 1;
	} else {
		const rows = report.tables.reduce((sum, check) => sum + check.targetRows, 0);
		console.log(
			`Copied ${report.tables.length} tables, ${rows} rows, in ${seconds} s; every table matches.`
		);
		console.log(`
Next steps:
  1. Set DATABASE_URL to that address wherever Tandem runs: the server, and cron jobs
     (npm run reminders, npm run retention) if you use them.
  2. Restart the server. It now reads and writes PostgreSQL only; ${from} is no longer used.
  3. Keep ${from} aside as the last SQLite backup, and back up PostgreSQL from now on
     (pg_dump, or your provider's backups).`);
	}
} catch (error) {
	if (error instanceof CopyRefused)
		stop(`${refusals[error.reason](from, error.names)} ${UNCHANGED}`);
	console.error(`The copy failed: ${error instanceof Error ? error.message : error}`);
	console.error('Nothing was committed: the PostgreSQL database is as it was.');
	process.exitCode = 1;
} finally {
	await target.destroy();
}
