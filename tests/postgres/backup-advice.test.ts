// `npm run backup` with DATABASE_URL set makes no file and prints the pg_dump and pg_restore
// commands for that database; run as printed, they carry every row into a new database.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/demo/seed-demo';
import { runCli } from '../helpers/cli';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { postgresServerUrl } from '../helpers/postgres';

const SLOW = 240_000;

let dir: string;
let t: TestDatabase;
let restoredName: string | null = null;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-pg-backup-'));
	t = await createTestDatabase();
	await seedDemo(t.db);
}, SLOW);

afterAll(async () => {
	await t?.close();
	if (restoredName) await onServer(`drop database if exists "${restoredName}" with (force)`);
	rmSync(dir, { recursive: true, force: true });
});

async function onServer(statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: await postgresServerUrl() });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

/** Rows in each table of the database at `url`, by table name. */
async function rowCounts(url: string): Promise<Record<string, number>> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query<{ name: string }>(`
			select table_name as name from information_schema.tables
			where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`);
		const counts: Record<string, number> = {};
		for (const { name } of rows) {
			const result = await client.query<{ n: string }>(
				`select count(*) as n from ${client.escapeIdentifier(name)}`
			);
			counts[name] = Number(result.rows[0]!.n);
		}
		return counts;
	} finally {
		await client.end();
	}
}

/** The backup command as `npm run backup -- FILE` runs it, on the PostgreSQL database. */
function runBackup(file: string) {
	return runCli(
		'backup',
		[file],
		{ DATABASE_URL: t.path, DATABASE_PATH: join(dir, 'unused.db') },
		SLOW / 4
	);
}

/** The one printed command line that starts with `program`. */
function printedCommand(output: string, program: string): string {
	const lines = output.split('\n').filter((line) => line.startsWith(`  ${program} `));
	expect(lines).toHaveLength(1);
	return lines[0]!.trim();
}

/** A printed command run by a shell, as the operator pastes it, with the password from PGPASSWORD. */
function runPrinted(command: string, password: string): void {
	const env: NodeJS.ProcessEnv = { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' };
	delete env.DATABASE_URL;
	delete env.PGPASSFILE;
	execFileSync('sh', ['-c', command], {
		cwd: dir,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: SLOW / 4
	});
}

it(
	'makes no file, prints pg_dump and pg_restore without the password, and they restore every row',
	async () => {
		const password = decodeURIComponent(new URL(t.path).password);
		expect(password).not.toBe('');
		const file = join(dir, 'tandem 2027-03-15.dump');

		const run = await runBackup(file);
		expect(run.status).toBe(1);
		const output = run.stdout + run.stderr;
		expect(output).toContain('No backup was made');
		expect(output).not.toContain(password);
		expect(output).toContain('PGPASSWORD');
		expect(output).toContain('~/.pgpass');
		expect(existsSync(file)).toBe(false);

		const dump = printedCommand(output, 'pg_dump');
		expect(dump).toMatch(/^pg_dump --format=custom --file='.*tandem 2027-03-15\.dump' --dbname=/);
		runPrinted(dump, password);
		expect(existsSync(file)).toBe(true);

		const createEmpty = printedCommand(output, 'createdb');
		const restore = printedCommand(output, 'pg_restore');
		restoredName = `${new URL(t.path).pathname.slice(1)}_restored`;
		expect(createEmpty).toMatch(new RegExp(` ${restoredName}$`));
		runPrinted(createEmpty, password);
		runPrinted(restore, password);

		const restoredUrl = new URL(t.path);
		restoredUrl.pathname = `/${restoredName}`;
		const original = await rowCounts(t.path);
		expect(Object.keys(original)).toHaveLength(41); // 39 of Tandem's, 2 of its migrations
		expect(original.responses).toBeGreaterThan(1000);
		expect(original.kysely_migration).toBeGreaterThan(0);
		expect(await rowCounts(restoredUrl.href)).toEqual(original);
	},
	SLOW
);
