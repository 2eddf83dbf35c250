// Shared by `npm start` and `npm run demo`: build when the build is missing or older than the
// sources, then serve. Plain JavaScript so that it runs on Node.js alone, before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = new URL('../../', import.meta.url).pathname;
const built = join(root, 'build', 'handler.js');
const inputs = [
	'src',
	'static',
	'migrations',
	'package.json',
	'svelte.config.js',
	'vite.config.ts'
];

/** @param {string} path @returns {number} */
function newestChange(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce(
		(newest, name) =>
			name === 'paraglide' ? newest : Math.max(newest, newestChange(join(path, name))),
		stat.mtimeMs
	);
}

export function buildIfStale() {
	const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
	const sourcesAt = Math.max(...inputs.map((input) => newestChange(join(root, input))));
	if (builtAt >= sourcesAt) return;
	console.error('[tandem] Building the app (first start or changed sources)…');
	// The build's messages are progress, like this line: on stderr, so stdout stays the output.
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: ['ignore', process.stderr, process.stderr],
		// Said outright: left unset, a plugin's configuration loader sets it to `development`
		// while Vite resolves its config, and Svelte then compiles its development checks in.
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (build.status !== 0) {
		console.error('[tandem] The build failed; see the messages above.');
		process.exit(build.status ?? 1);
	}
}

/**
 * Builds if needed and starts the production server (http-server.js: the build behind
 * compression) with the defaults README lists.
 * @returns {Promise<import('node:http').Server>} the server, listening or about to
 */
export async function serve() {
	buildIfStale();
	process.env.PORT ??= '3000';
	// adapter-node assumes https without ORIGIN; a plain local start is http on localhost.
	process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
	process.env.DATABASE_PATH ??= join(root, 'data', 'tandem.db');
	process.env.BODY_SIZE_LIMIT ??= '4M';
	console.log(`[tandem] Database: ${process.env.DATABASE_PATH}`);
	const app = await import(pathToFileURL(join(root, 'src', 'cli', 'http-server.js')).href);
	return app.server;
}
