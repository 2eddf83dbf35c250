// Run by `npm run demo` (src/cli/demo.js) on a freshly migrated DATABASE_PATH.
import { readConfig } from '../config';
import { openDatabase } from '../db/open';
import { DEMO_SIGN_IN, seedDemo } from './seed-demo';

const db = openDatabase(readConfig().databasePath);
try {
	const started = performance.now();
	const seeded = await seedDemo(db);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.error(
		`[tandem] Demo: ${seeded.pairs.length} pairs in ${seeded.programIds.length - 1} programs and an intake to pair, seeded in ${seconds} s.`
	);
	// The one line on stdout: how to sign in, for demo.js to print once the server listens.
	console.log(JSON.stringify(DEMO_SIGN_IN));
} catch (error) {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
