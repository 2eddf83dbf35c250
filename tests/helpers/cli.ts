import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface CliRun {
	status: number | null;
	stdout: string;
	stderr: string;
	/** Both streams, in the order they were written. */
	output: string;
}

/**
 * An operator command of src/cli (`npm run backup`, `retention`, `org:create`, …) run as npm runs
 * it, in a process of its own, with `env` over this process's environment. Asynchronous on
 * purpose: spawnSync would block this process's event loop, so a test's HTTP client could not drop
 * kept-alive connections the server timed out meanwhile, and its next request would fail.
 */
export function runCli(
	script: string,
	args: string[],
	env: NodeJS.ProcessEnv = {},
	timeoutMs = 120_000
): Promise<CliRun> {
	const child = spawn(
		process.execPath,
		[TSX, '--tsconfig', 'tsconfig.json', join('src', 'cli', `${script}.ts`), ...args],
		{
			cwd: ROOT,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: timeoutMs
		}
	);
	const run: CliRun = { status: null, stdout: '', stderr: '', output: '' };
	child.stdout.on('data', (chunk: Buffer) => {
		run.stdout += chunk;
		run.output += chunk;
	});
	child.stderr.on('data', (chunk: Buffer) => {
		run.stderr += chunk;
		run.output += chunk;
	});
	return new Promise((done, fail) => {
		child.once('error', fail);
		child.once('close', (status) => done({ ...run, status }));
	});
}

/** As runCli, for a command that must succeed: its output, or an error that shows it. */
export async function cliOutput(
	script: string,
	args: string[],
	env: NodeJS.ProcessEnv = {}
): Promise<string> {
	const run = await runCli(script, args, env);
	if (run.status !== 0) throw new Error(`${script} exited ${run.status}:\n${run.output}`);
	return run.output;
}
