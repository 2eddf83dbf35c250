import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { databaseEnv } from './database-location';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Another process writing to the same database while the server runs, as `npm run reminders`
 * does from cron: small transactions, one every few milliseconds, with the app's pragmas on
 * SQLite, or over a connection of its own on PostgreSQL (DATABASE_URL).
 */
const SCRIPT = `
const { randomUUID } = require('node:crypto');
const statement = "insert into audit_log (id, action, created_at) values ($id, 'test.background_write', $at)";
let insert;
if (process.env.DATABASE_URL) {
	const pg = require('pg');
	const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
	const text = statement.replace('$id', '$1').replace('$at', '$2');
	insert = (id, at) => pool.query(text, [id, at]);
} else {
	const Database = require('better-sqlite3');
	const db = new Database(process.env.DATABASE_PATH);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('busy_timeout = 5000');
	const prepared = db.prepare(statement);
	insert = async (id, at) => prepared.run({ id, at });
}
let writes = 0;
let writing = false;
setInterval(async () => {
	if (writing) return;
	writing = true;
	try {
		await insert(randomUUID(), Date.now());
		writes++;
	} catch (error) {
		console.error('background write failed:', error.code, error.message);
	} finally {
		writing = false;
	}
}, 2);
process.on('SIGTERM', () => {
	console.log('writes:' + writes);
	process.exit(0);
});
console.log('ready');
`;

export interface BackgroundWriter {
	/** Stops writing; resolves with how many writes succeeded and what the process printed. */
	stop(): Promise<{ writes: number; output: string }>;
}

export async function startBackgroundWriter(databasePath: string): Promise<BackgroundWriter> {
	const child = spawn(process.execPath, ['-e', SCRIPT], {
		cwd: ROOT,
		env: { ...process.env, ...databaseEnv(databasePath) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stderr.on('data', (chunk) => (output += chunk));
	await new Promise<void>((ready, fail) => {
		child.stdout.on('data', (chunk) => {
			output += chunk;
			if (output.includes('ready')) ready();
		});
		child.once('exit', () => fail(new Error(`background writer exited:\n${output}`)));
	});
	return {
		async stop() {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
			return { writes: Number(output.match(/writes:(\d+)/)?.[1] ?? 0), output };
		}
	};
}
