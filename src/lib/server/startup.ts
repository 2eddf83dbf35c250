import { publicOrigin, readConfig } from './config';
import { getDb } from './db';
import { bundledMigrations } from './db/bundled-migrations';
import { migrateToLatest } from './db/migrator';
import { startMailScheduler } from './mail/scheduler';
import { issueSetupLinkIfEmpty } from './organizations/setup';
import { startRetentionScheduler } from './privacy/retention-scheduler';

// The code of the pages a coordinator works from: a program's overview and a pair's page, with
// their layouts (loaded by loadMainPages).
// (Brackets and parentheses are escaped: in a glob they mean patterns.)
const mainPages = import.meta.glob([
	'/src/routes/+layout.svelte',
	'/src/routes/\\(staff\\)/+layout.*',
	'/src/routes/\\(staff\\)/programs/\\[programId\\]/+*',
	'/src/routes/\\(staff\\)/programs/\\[programId\\]/pairs/\\[pairId\\]/+page.*'
]);

/**
 * Loads the coordinator's main pages' code before the server takes requests, rather than when
 * each is first asked for: a restarted server's first visitor to a program overview would
 * otherwise wait about a tenth of a second more while its modules are read and compiled. (Every
 * page's code would cost about 19 MB more memory.)
 */
async function loadMainPages(): Promise<void> {
	await Promise.all(Object.values(mainPages).map((load) => load()));
}

/** Runs once before the first request: migrate, then on an empty database print the setup link. */
export async function prepareServer(): Promise<void> {
	const db = getDb();
	try {
		await migrateToLatest(db, bundledMigrations, (line) => console.log(`[tandem] ${line}`));
	} catch (error) {
		console.error(`[tandem] ${error instanceof Error ? error.message : error}`);
		console.error(
			'[tandem] Start-up stopped: the database was left as it was before this migration.'
		);
		process.exit(1);
	}
	const origin = publicOrigin(readConfig());
	const stopMail = startMailScheduler(db, origin);
	const stopRetention = startRetentionScheduler(db);
	// Once the last request is answered (cli/http-server.js), close the database: a PostgreSQL
	// pool's idle connections would otherwise keep the process alive for their idle timeout.
	process.once('sveltekit:shutdown', () => {
		stopMail();
		stopRetention();
		void db.destroy();
	});
	await loadMainPages();
	const token = await issueSetupLinkIfEmpty(db);
	if (token) {
		const link = `${origin}/setup/${token}`;
		console.log(`[tandem] Set up Tandem: open ${link} (works once, expires in 24 hours)`);
	}
}
