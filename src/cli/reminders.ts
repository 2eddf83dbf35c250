// `npm run reminders`: one pass of scheduled reminders and mail delivery, for cron.
import { publicOrigin, readConfig } from '../lib/server/config';
import { openConfiguredDatabase } from '../lib/server/db';
import { runMailJobs } from '../lib/server/mail/scheduler';

const config = readConfig();
const db = openConfiguredDatabase(config);
try {
	const result = await runMailJobs(db, publicOrigin(config));
	console.log(
		`Reminders queued: ${result.reminders}; check-ins queued: ${result.checkIns} ` +
			`(reminders: ${result.checkInReminders}); exit surveys queued: ${result.exitSurveys}; ` +
			`follow-ups queued: ${result.followUps} (reminders: ${result.followUpReminders}); ` +
			`messages sent: ${result.sent}; failed: ${result.failed}.`
	);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
