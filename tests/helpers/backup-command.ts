import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** `npm run backup -- FILE` as an operator types it, against the running server's database. */
export function runBackupCommand(
	databasePath: string,
	target: string
): Promise<{ code: number | null; output: string }> {
	return new Promise((done, fail) => {
		const child = spawn('npm', ['run', '--silent', 'backup', '--', target], {
			cwd: ROOT,
			env: { ...process.env, DATABASE_PATH: databasePath },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('error', fail);
		child.once('exit', (code) => done({ code, output }));
	});
}
