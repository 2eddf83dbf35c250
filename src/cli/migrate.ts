// `npm run migrate`: apply pending migrations to DATABASE_URL or DATABASE_PATH with the same runner as the server.
import { openMigratedDatabase } from './migrated-database';

try {
	const { db, databasePath } = await openMigratedDatabase((line) => console.log(line));
	await db.destroy();
	console.log(`Database ${databasePath} is up to date.`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
