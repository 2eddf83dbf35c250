// Issue 18.4, moving up: `npm run db:copy` moves a SQLite installation into an empty PostgreSQL
// database in one transaction, checks every table, and refuses or rolls back without a trace.
import SQLite from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresAdapter, sql, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession } from '../../src/lib/server/auth/session';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { copySqliteToPostgres, CopyRefused } from '../../src/lib/server/db/copy/copy';
import { verifyCopy } from '../../src/lib/server/db/copy/verify';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import { openPostgresDatabase } from '../../src/lib/server/db/open-postgres';
import { seedDemo } from '../../src/lib/server/demo/seed-demo';
import { openDraft } from '../../src/lib/server/instruments/instruments';
import { addPairNote } from '../../src/lib/server/pairs/pair-notes';
import { runCli } from '../helpers/cli';
import { createPostgresDatabase } from '../helpers/postgres';

const SLOW = 240_000;
/** Past 2^53: a JS number would round it, so only an exact copy keeps it. */
const BEYOND_DOUBLE = 2n ** 53n + 1n;

let dir: string;
/** The demo installation, plus rows in the tables the demo leaves empty. */
let installation: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-db-copy-'));
	installation = join(dir, 'tandem.db');
	const db = openDatabase(installation);
	try {
		await migrateToLatest(db, bundledMigrations);
		const { pairs } = await seedDemo(db);
		const admin = await db
			.selectFrom('staff_users')
			.selectAll()
			.where('role', '=', 'admin')
			.executeTakeFirstOrThrow();
		const published = await db
			.selectFrom('instrument_versions')
			.select('id')
			.executeTakeFirstOrThrow();
		// A draft points at the version it copies: a foreign key into its own table.
		await openDraft(db, admin, published.id, '192.0.2.7');
		await addPairNote(db, admin, pairs[0]!.pairId, 'Rencontre reportée — à revoir 🙂', null);
		await createStaffSession(db, admin.id, { ip: '192.0.2.7', userAgent: 'Firefox' });
		// Keys whose order differs between bytes and a language's collation; an integer past 2^53.
		for (const key of ['Zebra', 'apple', 'z', 'Émile', 'émile', '😀'])
			await sql`insert into attempt_limits values (${key}, ${Date.now()}, 2)`.execute(db);
		await sql`insert into attempt_limits values ('beyond', ${BEYOND_DOUBLE}, 1)`.execute(db);
		await sql`update programs set watch_threshold = ${0.1 + 0.2}`.execute(db);
		await sql`insert into write_probes values (1, ${Date.now()})`.execute(db);
	} finally {
		await db.destroy();
	}
}, SLOW);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the installation file, changed by `change` (raw SQL, as a damaged file might be). */
function variant(name: string, change: string): string {
	const path = join(dir, `${name}.db`);
	copyFileSync(installation, path);
	const sqlite = new SQLite(path);
	sqlite.exec(change);
	sqlite.close();
	return path;
}

async function withTarget<T>(run: (target: Db, url: string) => Promise<T>): Promise<T> {
	const database = await createPostgresDatabase();
	const target = openPostgresDatabase(database.url, 2);
	try {
		return await run(target, database.url);
	} finally {
		await target.destroy();
		await database.drop();
	}
}

async function targetTables(target: Db): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = current_schema() order by table_name`.execute(target);
	return rows.map((row) => row.name);
}

function sqliteTables(path: string): string[] {
	const sqlite = new SQLite(path, { readonly: true });
	const names = sqlite
		.prepare(`select name from sqlite_schema where type = 'table' order by name`)
		.pluck()
		.all() as string[];
	sqlite.close();
	return names.filter((name) => !name.startsWith('kysely_') && !name.startsWith('sqlite_'));
}

/** Every row of `table` as sorted JSON lines: compared without the copy's own checksums. */
async function rowsOf(db: Db, table: string): Promise<string[]> {
	const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
		db
	);
	return rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
}

async function everyRow(target: Db): Promise<Record<string, string[]>> {
	const tables = await targetTables(target);
	return Object.fromEntries(
		await Promise.all(tables.map(async (table) => [table, await rowsOf(target, table)]))
	);
}

describe('npm run db:copy into an empty PostgreSQL database', () => {
	let target: Db;
	let drop: () => Promise<void>;
	let log: string[];
	let report: Awaited<ReturnType<typeof copySqliteToPostgres>>;

	beforeAll(async () => {
		// Ordered by English rules, 'apple' comes before 'Zebra': the check must not depend on it.
		const database = await createPostgresDatabase({ icuLocale: 'en' });
		drop = database.drop;
		target = openPostgresDatabase(database.url, 2);
		log = [];
		report = await copySqliteToPostgres(installation, target, bundledMigrations, {
			batchSize: 500,
			log: (line) => log.push(line)
		});
	}, SLOW);

	afterAll(async () => {
		await target?.destroy();
		await drop?.();
	});

	it('copies every table, row for row and value for value', async () => {
		const tables = sqliteTables(installation);
		expect(tables).toHaveLength(39);
		expect(report.committed).toBe(true);
		expect(report.tables.map((check) => check.table).sort()).toEqual(tables);
		expect(report.tables.filter((check) => !check.matches)).toEqual([]);
		expect(report.sequencesReset).toEqual([]);

		const source = openDatabase(installation);
		try {
			for (const table of tables)
				expect({ table, rows: await rowsOf(target, table) }).toEqual({
					table,
					rows: await rowsOf(source, table)
				});
		} finally {
			await source.destroy();
		}
		const responses = report.tables.find((check) => check.table === 'responses')!;
		expect(responses.targetRows).toBeGreaterThan(5000);
		expect(log).toContainEqual(
			expect.stringMatching(
				new RegExp(`^copied responses: ${responses.targetRows} rows in \\d+ ms$`)
			)
		);
	});

	it('keeps integers past 2^53 exact and self-references in place', async () => {
		const { rows } = await sql<{ started: string }>`
			select window_started_at::text as started from attempt_limits where key = 'beyond'`.execute(target);
		expect(rows).toEqual([{ started: BEYOND_DOUBLE.toString() }]);
		const draft = await target
			.selectFrom('instrument_versions as draft')
			.innerJoin('instrument_versions as base', 'base.id', 'draft.based_on_version_id')
			.select(['draft.status', 'base.status as baseStatus'])
			.execute();
		expect(draft).toEqual([{ status: 'draft', baseStatus: 'published' }]);
	});

	it('brings the migrations up to date and records them as the app does', async () => {
		const applied = await target
			.selectFrom('kysely_migration' as never)
			.selectAll()
			.execute();
		expect(applied).toHaveLength(Object.keys(await bundledMigrations.getMigrations()).length);
		expect(log.filter((line) => line.startsWith('migration '))).toHaveLength(applied.length);
	});

	it('checks again later and names each table that differs', async () => {
		expect((await verifyCopy(installation, target)).every((check) => check.matches)).toBe(true);
		const program = await target.selectFrom('programs').select('id').executeTakeFirstOrThrow();
		await target
			.updateTable('programs')
			.set({ watch_threshold: 0.30000000000000004 + Number.EPSILON })
			.where('id', '=', program.id)
			.execute();
		await sql`delete from responses where ctid = (select min(ctid) from responses)`.execute(target);
		const checks = await verifyCopy(installation, target);
		expect(checks.filter((check) => !check.matches)).toEqual([
			// The demo's four programs: two running, the intake and last year's cohort.
			expect.objectContaining({ table: 'programs', sourceRows: 4, targetRows: 4 }),
			expect.objectContaining({ table: 'responses' })
		]);
		const responses = checks.find((check) => check.table === 'responses')!;
		expect(responses.targetRows).toBe(responses.sourceRows - 1);
	});
});

describe('a copy that cannot be made', () => {
	it(
		'refuses a target that holds Tandem data, and leaves it as it was',
		() =>
			withTarget(async (target) => {
				await migrateToLatest(target, bundledMigrations);
				await target
					.insertInto('organizations')
					.values({ id: 'org-1', name: 'Already here', created_at: 1 })
					.execute();
				const before = await everyRow(target);
				const copying = copySqliteToPostgres(installation, target, bundledMigrations);
				await expect(copying).rejects.toEqual(
					new CopyRefused('target_has_rows', ['organizations (1)'])
				);
				expect(await everyRow(target)).toEqual(before);
			}),
		SLOW
	);

	it(
		'refuses a database that holds tables of something else, and creates none of its own',
		() =>
			withTarget(async (target) => {
				await sql`create table guest_book (id bigint primary key, note text)`.execute(target);
				await sql`insert into guest_book values (1, 'hello')`.execute(target);
				const copying = copySqliteToPostgres(installation, target, bundledMigrations);
				await expect(copying).rejects.toEqual(new CopyRefused('target_not_tandem', ['guest_book']));
				expect(await everyRow(target)).toEqual({ guest_book: ['{"id":1,"note":"hello"}'] });
			}),
		SLOW
	);

	it(
		'rolls everything back when a row fails midway, migrations included',
		() =>
			withTarget(async (target) => {
				// SQLite keeps text in an integer column; PostgreSQL refuses it.
				const damaged = variant(
					'text-in-integer',
					`insert into attempt_limits values ('bad key', 'not a number', 'not a number')`
				);
				const log: string[] = [];
				const copying = copySqliteToPostgres(damaged, target, bundledMigrations, {
					log: (line) => log.push(line)
				});
				await expect(copying).rejects.toThrow(
					/^Copying attempt_limits failed: .*invalid input syntax/
				);
				expect(log).toContainEqual(expect.stringMatching(/^copied responses: \d{4,} rows/));
				expect(await targetTables(target)).toEqual([]);
			}),
		SLOW
	);

	it(
		'fails loudly on a SQLite table that PostgreSQL has no counterpart for',
		() =>
			withTarget(async (target) => {
				const stray = variant(
					'stray',
					`create table stray_notes (id text primary key, body text);
					 insert into stray_notes values ('n1', 'not made by a migration');`
				);
				const copying = copySqliteToPostgres(stray, target, bundledMigrations);
				await expect(copying).rejects.toThrow(
					'The SQLite table stray_notes has no PostgreSQL counterpart'
				);
				expect(await targetTables(target)).toEqual([]);
			}),
		SLOW
	);

	it(
		'refuses a SQLite database at another migration than this Tandem',
		() =>
			withTarget(async (target) => {
				const older = variant(
					'older',
					`delete from kysely_migration where name = (select max(name) from kysely_migration)`
				);
				const names = Object.keys(await bundledMigrations.getMigrations()).sort();
				const copying = copySqliteToPostgres(older, target, bundledMigrations);
				await expect(copying).rejects.toEqual(
					new CopyRefused('source_other_version', [names.at(-2)!, names.at(-1)!])
				);
				expect(await targetTables(target)).toEqual([]);
			}),
		SLOW
	);
});

/** The app's migrations and one more whose table numbers its rows with a sequence. */
const withTickets: MigrationProvider = {
	async getMigrations() {
		return {
			...(await bundledMigrations.getMigrations()),
			'2099_01_01_0000_create_tickets': {
				async up(db) {
					const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
					await db.schema
						.createTable('tickets')
						.addColumn('id', postgres ? 'bigint' : 'integer', (c) =>
							postgres
								? c.primaryKey().generatedByDefaultAsIdentity()
								: c.primaryKey().autoIncrement()
						)
						.addColumn('subject', 'text', (c) => c.notNull())
						.execute();
				}
			}
		};
	}
};

it(
	'sets identity columns past the copied keys',
	() =>
		withTarget(async (target) => {
			const path = join(dir, 'tickets.db');
			const source = openDatabase(path);
			await migrateToLatest(source, withTickets);
			for (const subject of ['one', 'two', 'three'])
				await sql`insert into tickets (subject) values (${subject})`.execute(source);
			await source.destroy();

			const report = await copySqliteToPostgres(path, target, withTickets);
			expect(report.sequencesReset).toEqual(['tickets.id']);
			const { rows } = await sql<{ id: number }>`
				insert into tickets (subject) values ('four') returning id`.execute(target);
			expect(rows).toEqual([{ id: 4 }]);
		}),
	SLOW
);

it(
	'`npm run db:copy` prints each table checked, the next steps, and refuses a second run',
	() =>
		withTarget(async (_, url) => {
			const run = () =>
				runCli(
					'db-copy',
					['--to', url],
					{ DATABASE_PATH: installation, DATABASE_URL: '' },
					SLOW / 2
				);
			const first = await run();
			expect(first.stderr).toBe('');
			expect(first.status).toBe(0);
			const checked = first.stdout.split('\n').filter((line) => /^\w+ +\d+ +\d+ +OK$/.test(line));
			expect(checked).toHaveLength(39);
			expect(first.stdout).not.toContain('MISMATCH');
			expect(first.stdout).toMatch(
				/Copied 39 tables, \d+ rows, in [\d.]+ s; every table matches\./
			);
			expect(first.stdout).toContain('Set DATABASE_URL to that address');
			expect(first.stdout).not.toContain(new URL(url).password);

			const second = await run();
			expect(second.status).toBe(2);
			expect(second.stderr).toContain('The PostgreSQL database already holds Tandem data');
			expect(second.stderr).toContain('Nothing was changed.');
		}),
	SLOW
);
