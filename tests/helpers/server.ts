import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { databaseEnv, onPostgres } from './database-location';
import { createPostgresDatabase } from './postgres';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** The server `npm start` runs: the build behind compression. */
const ENTRY = join(ROOT, 'src', 'cli', 'http-server.js');
const BUILD = join(ROOT, 'build', 'handler.js');

/** The options `npm start` gives node (its heap sizes), read from package.json. */
function startOptions(): string[] {
	const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		scripts: Record<string, string>;
	};
	return scripts.start!.split(/\s+/).filter((word) => word.startsWith('--'));
}

export interface RunningServer {
	url: string;
	port: number;
	/** The server's process id (for reading its memory use). */
	pid: number;
	/** The SQLite file, or on PostgreSQL (`npm run test:postgres`) the database's postgres:// URL. */
	databasePath: string;
	output(): string;
	/** The setup link the server printed on an empty database. */
	setupLink(): string;
	/** Ends the process with a signal (SIGKILL for a crash) and waits until it is gone; keeps the database. */
	kill(signal: NodeJS.Signals): Promise<void>;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * Starts the built server (`npm run build` first) on a free port with a temp database.
 * `origin` lets a test pretend the server sits behind HTTPS; `databasePath` serves an existing
 * database file instead (the caller seeds it and removes it).
 */
export async function startServer(
	options: {
		origin?: string;
		env?: Record<string, string>;
		databasePath?: string;
		/** Options for node itself besides those `npm start` gives, such as `--cpu-prof`. */
		nodeOptions?: string[];
	} = {}
): Promise<RunningServer> {
	if (!existsSync(BUILD))
		throw new Error('No build found: run `npm run build` before the HTTP tests.');
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'tandem-http-'));
	const ownDatabase =
		options.databasePath === undefined && onPostgres ? await createPostgresDatabase() : null;
	const databasePath = options.databasePath ?? ownDatabase?.url ?? join(dir, 'tandem.db');
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	const child: ChildProcess = spawn(
		process.execPath,
		[...startOptions(), ...(options.nodeOptions ?? []), ENTRY],
		{
			cwd: ROOT,
			env: {
				...process.env,
				HOST: '127.0.0.1',
				PORT: String(port),
				ORIGIN: options.origin ?? url,
				...databaseEnv(databasePath),
				BODY_SIZE_LIMIT: '4M', // as `npm start` sets it
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const running = () => child.exitCode === null && child.signalCode === null;
	const kill = async (signal: NodeJS.Signals) => {
		if (!running()) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill(signal);
		await exited;
	};

	const deadline = Date.now() + 20_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) throw new Error(`Server did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 100));
	}

	return {
		url,
		port,
		pid: child.pid!,
		databasePath,
		output: () => output,
		setupLink() {
			const match = output.match(/open (\S+\/setup\/[a-z2-7]+)/);
			if (!match) throw new Error(`No setup link printed:\n${output}`);
			return match[1]!;
		},
		kill,
		async stop() {
			await kill('SIGTERM');
			rmSync(dir, { recursive: true, force: true });
			await ownDatabase?.drop();
		}
	};
}
