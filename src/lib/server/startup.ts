import { publicOrigin, readConfig } from './config';
import { getDb } from './db';
import { bundledMigrations } from './db/bundled-migrations';
import { migrateToLatest } from './db/migrator';
import { startMailScheduler } from './mail/scheduler';
import { issueSetupLinkIfEmpty } from './organizations/setup';
import { startRetentionScheduler } from './privacy/retention-scheduler';

// Every page's code, for loadEveryPage.
const pageModules = import.meta.glob([
	'/src/routes/**/+page.svelte',
	'/src/routes/**/+layout.svelte',
	'/src/routes/**/+page.server.ts',
	'/src/routes/**/+layout.server.ts'
]);

/**
 * Loads every page's code now, before the server takes requests, rather than when each page is
 * first asked for: a restarted server's first visitor to the program overview would otherwise
 * wait about a fifth of a second more while its modules are read and compiled.
 */
async function loadEveryPage(): Promise<void> {
	await Promise.all(Object.values(pageModules).map((load) => load()));
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
	await loadEveryPage();
	const token = await issueSetupLinkIfEmpty(db);
	if (token) {
		const link = `${origin}/setup/${token}`;
		console.log(`[tandem] Set up Tandem: open ${link} (works once, expires in 24 hours)`);
	}
}
