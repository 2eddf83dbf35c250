// `npm run demo`: the app on its own demo database, rebuilt from designed stories on every run
// (src/lib/server/demo). The mail scheduler stays off: the demo people's addresses are made up.
// The file is DEMO_DATABASE_PATH (default ./data/demo.db), never DATABASE_PATH: it is deleted first.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { root, serve } from './serve.js';

const database = resolve(root, process.env.DEMO_DATABASE_PATH || join('data', 'demo.db'));
if (process.env.DATABASE_PATH && resolve(root, process.env.DATABASE_PATH) === database) {
	console.error(
		'[tandem] DEMO_DATABASE_PATH is the same file as DATABASE_PATH; the demo deletes its file on every run. Choose another DEMO_DATABASE_PATH.'
	);
	process.exit(2);
}
for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
process.env.DATABASE_PATH = database;
process.env.TANDEM_SCHEDULER = 'off';

/** @param {string[]} args @param {'inherit' | 'pipe'} stdout */
function tsx(args, stdout) {
	const run = spawnSync('npx', ['tsx', '--tsconfig', 'tsconfig.json', ...args], {
		cwd: root,
		stdio: ['ignore', stdout, 'inherit'],
		encoding: 'utf8'
	});
	if (run.status !== 0) {
		console.error('[tandem] The demo database could not be made; see the messages above.');
		process.exit(run.status ?? 1);
	}
	return run.stdout ?? '';
}

tsx(['src/cli/migrate.ts'], 'pipe');
/** @type {{ email: string, password: string }} */
const signIn = JSON.parse(
	tsx(['src/lib/server/demo/seed-cli.ts'], 'pipe').trim().split('\n').at(-1) ?? ''
);

const server = await serve();
const announce = () =>
	console.log(
		`[tandem] Demo sign-in: ${signIn.email} / ${signIn.password} at ${process.env.ORIGIN}/signin`
	);
if (server.listening) announce();
else server.once('listening', announce);
