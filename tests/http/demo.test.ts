import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/open';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'src', 'cli', 'demo.js');
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tandem-demo-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run demo', () => {
	it('builds its database where DEMO_DATABASE_PATH says, and leaves DATABASE_PATH alone', async () => {
		const demoPath = join(dir, 'my-demo.db');
		const realPath = join(dir, 'real.db');
		writeFileSync(realPath, 'not touched');
		const child = spawn(process.execPath, [DEMO], {
			cwd: ROOT,
			env: {
				...process.env,
				DEMO_DATABASE_PATH: demoPath,
				DATABASE_PATH: realPath,
				PORT: '0',
				ORIGIN: 'http://localhost:1'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		const signedIn = new Promise<void>((done, fail) => {
			child.stdout.on('data', (chunk) => {
				output += chunk;
				if (output.includes('Demo sign-in')) done();
			});
			child.on('exit', (code) => fail(new Error(`demo stopped (${code}): ${output}`)));
		});
		try {
			await signedIn;
		} finally {
			child.kill();
		}
		expect(existsSync(demoPath)).toBe(true);
		const db = openDatabase(demoPath);
		const organizations = await db.selectFrom('organizations').select('name').execute();
		await db.destroy();
		expect(organizations.map((o) => o.name)).toEqual(['Maple Newcomer Services']);
		expect(readFileSync(realPath, 'utf8')).toBe('not touched');
	}, 120_000);

	it('refuses a DEMO_DATABASE_PATH that is the real database', () => {
		const realPath = join(dir, 'same.db');
		writeFileSync(realPath, 'not touched');
		const run = spawnSync(process.execPath, [DEMO], {
			cwd: ROOT,
			env: { ...process.env, DEMO_DATABASE_PATH: realPath, DATABASE_PATH: realPath },
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('DEMO_DATABASE_PATH is the same file as DATABASE_PATH');
		expect(readFileSync(realPath, 'utf8')).toBe('not touched');
	});
});
