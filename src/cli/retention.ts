// `npm run retention [-- --dry-run]`: anonymise participants of programs closed longer than their
// organization's retention period, for cron; with --dry-run, only list what a run would change.
import { openConfiguredDatabase } from '../lib/server/db';
import { applyRetention, dueForRetention } from '../lib/server/privacy/retention';
import { dateIn } from '../lib/time/days';

const dryRun = process.argv.includes('--dry-run');
const db = openConfiguredDatabase();
try {
	const targets = dryRun ? await dueForRetention(db) : await applyRetention(db);
	for (const target of targets)
		console.log(
			`${target.programName} (${target.programId}), closed ${dateIn(target.closedAt, 'UTC')}: ${target.participantIds.length} people`
		);
	const people = targets.reduce((sum, t) => sum + t.participantIds.length, 0);
	console.log(
		`${dryRun ? 'Would anonymise' : 'Anonymised'}: ${people} people in ${targets.length} programs.`
	);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
