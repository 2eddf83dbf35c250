import type { Db } from '../db';
import { startInterval } from '../jobs/interval';
import { remindCheckIns, sendDueCheckIns } from '../pulse/check-in-schedule';
import { remindFollowUps, sendDueFollowUps } from '../outcomes/follow-up-schedule';
import { sendExitSurveys } from '../pulse/exit-surveys';
import { runScheduledReminders } from '../rounds/messaging';
import { deliverDueMessages, mailerFromEnv } from './deliver';

/**
 * One pass: queue due reminders, pulse check-ins that fell due and their reminders, exit surveys
 * for pairs that ended, follow-up surveys after programs ended and their reminders, then deliver
 * what is due when SMTP is configured.
 */
export async function runMailJobs(db: Db, origin: string, now = Date.now()) {
	const reminders = await runScheduledReminders(db, origin, now);
	const checkIns = await sendDueCheckIns(db, origin, now);
	const checkInReminders = await remindCheckIns(db, origin, now);
	const exitSurveys = await sendExitSurveys(db, origin, now);
	const followUps = await sendDueFollowUps(db, origin, now);
	const followUpReminders = await remindFollowUps(db, origin, now);
	const mailer = mailerFromEnv();
	const delivery = mailer ? await deliverDueMessages(db, mailer, now) : { sent: 0, failed: 0 };
	return {
		reminders,
		checkIns,
		checkInReminders,
		exitSurveys,
		followUps,
		followUpReminders,
		...delivery
	};
}

/** The in-process scheduler: a pass every few minutes (MAIL_INTERVAL_MS), never two at once. */
export function startMailScheduler(
	db: Db,
	origin: string,
	env: NodeJS.ProcessEnv = process.env
): () => void {
	if (env.TANDEM_SCHEDULER === 'off') return () => {};
	const every = Number(env.MAIL_INTERVAL_MS) || 5 * 60_000;
	return startInterval('mail jobs', every, () => runMailJobs(db, origin));
}
