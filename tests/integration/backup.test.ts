import SQLite from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/lib/server/db/backup';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { openDatabase } from '../../src/lib/server/db/open';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Another process writing as fast as it can: transaction `seq` adds two audit rows, `a-seq` and
 * `b-seq`, so a copy holds seq 1…N with both rows each, or it is torn.
 */
const WRITER = `
const SQLite = require('better-sqlite3');
const db = new SQLite(process.env.WRITER_DB);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare("insert into audit_log (id, action, created_at) values (?, 'writer', ?)");
const write = db.transaction((seq) => {
	insert.run('a-' + seq, seq);
	insert.run('b-' + seq, seq);
});
const until = Date.now() + 60000;
for (let seq = 1; Date.now() < until; seq++) write(seq);
`;

const FILLER_ROWS = 3000;

let test: TestDatabase;
let writer: ChildProcess | null = null;

function startWriter(path: string): ChildProcess {
	return spawn(process.execPath, ['-e', WRITER], {
		cwd: ROOT,
		env: { ...process.env, WRITER_DB: path },
		stdio: ['ignore', 'ignore', 'inherit']
	});
}

function committedWrites(path: string): number {
	const reader = new SQLite(path, { readonly: true });
	try {
		const row = reader
			.prepare("select coalesce(max(created_at), 0) as seq from audit_log where action = 'writer'")
			.get() as { seq: number };
		return row.seq;
	} finally {
		reader.close();
	}
}

async function untilWritten(path: string, count: number): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (committedWrites(path) < count) {
		if (Date.now() > deadline) throw new Error('the writer did not get going');
		await new Promise((r) => setTimeout(r, 10));
	}
}

/** A few megabytes of audit rows, so the copy takes many steps. */
async function fill(): Promise<void> {
	await test.db.transaction().execute(async (tx) => {
		for (let i = 0; i < FILLER_ROWS; i++)
			await tx
				.insertInto('audit_log')
				.values({
					id: `fill-${i}`,
					organization_id: null,
					actor_staff_id: null,
					action: 'signout',
					target_type: null,
					target_id: null,
					detail: JSON.stringify({ padding: 'x'.repeat(2000) }),
					ip: null,
					created_at: i
				})
				.execute();
	});
}

function inspect(path: string) {
	const copy = new SQLite(path, { readonly: true });
	try {
		const value = (query: string) => Object.values(copy.prepare(query).get() as object)[0];
		return {
			integrity: copy.pragma('integrity_check', { simple: true }),
			journalMode: copy.pragma('journal_mode', { simple: true }),
			fillers: value("select count(*) from audit_log where id like 'fill-%'"),
			highest: value("select coalesce(max(created_at), 0) from audit_log where action = 'writer'"),
			firsts: value("select count(*) from audit_log where id like 'a-%'"),
			seconds: value("select count(*) from audit_log where id like 'b-%'")
		};
	} finally {
		copy.close();
	}
}

beforeEach(async () => {
	test = await createTestDatabase();
});
afterEach(async () => {
	writer?.kill('SIGKILL');
	writer = null;
	await test.close();
});

describe('online backup', () => {
	it('copies a consistent state that holds every write committed before it began, while another process keeps writing', async () => {
		await fill();
		writer = startWriter(test.path);
		await untilWritten(test.path, 20);

		const committedBefore = committedWrites(test.path);
		const target = join(dirname(test.path), 'copy.db');
		const result = await backupDatabase(test.path, target);
		const committedAfter = committedWrites(test.path);
		writer.kill('SIGKILL');

		expect(committedAfter, 'the writer kept writing during the backup').toBeGreaterThan(
			committedBefore
		);
		const copy = inspect(target);
		expect(copy.integrity).toBe('ok');
		expect(copy.journalMode).toBe('delete');
		expect(copy.fillers).toBe(FILLER_ROWS);
		expect(copy.highest).toBeGreaterThanOrEqual(committedBefore);
		expect(copy.highest).toBeLessThanOrEqual(committedAfter);
		// Seq 1…N with no gap, each with both its rows: a prefix of the writes, never torn.
		expect(copy.firsts).toBe(copy.highest);
		expect(copy.seconds).toBe(copy.highest);
		expect(result.bytes).toBeGreaterThan(FILLER_ROWS * 2000);
		expect(readdirSync(dirname(target)).filter((f) => f.includes('partial'))).toEqual([]);
	});

	it('gives a copy the app opens, migrates and reads like the original', async () => {
		await fill();
		const target = join(dirname(test.path), 'copy.db');
		await backupDatabase(test.path, target);
		const restored = openDatabase(target);
		try {
			await migrateToLatest(restored, bundledMigrations);
			const rows = await restored.selectFrom('audit_log').select('id').execute();
			expect(rows).toHaveLength(FILLER_ROWS);
		} finally {
			await restored.destroy();
		}
	});

	it('refuses to replace a file unless told to, and never copies the database onto itself', async () => {
		const target = join(dirname(test.path), 'existing.db');
		writeFileSync(target, 'keep me');
		await expect(backupDatabase(test.path, target)).rejects.toMatchObject({
			reason: 'target_exists'
		});
		expect(readFileSync(target, 'utf8')).toBe('keep me');

		await backupDatabase(test.path, target, { overwrite: true });
		expect(inspect(target).integrity).toBe('ok');

		await expect(backupDatabase(test.path, test.path, { overwrite: true })).rejects.toMatchObject({
			reason: 'same_file'
		});
		const missing = join(dirname(test.path), 'missing.db');
		await expect(backupDatabase(missing, join(dirname(test.path), 'x.db'))).rejects.toMatchObject({
			reason: 'source_missing'
		});
		expect(existsSync(missing)).toBe(false);
	});
});
