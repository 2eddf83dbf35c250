import type { Db } from '../db';
import { forgetEndedAttemptWindows } from '../auth/attempt-limit';
import { startInterval } from '../jobs/interval';
import { forgetExpiredLinkSheets } from '../rounds/link-sheets';
import { applyRetention } from './retention';

/**
 * Beside the mail scheduler: a pass every hour (RETENTION_INTERVAL_MS), which also drops ended
 * sign-in limit windows and expired link sheets; never two at once, off
 * with the other jobs when TANDEM_SCHEDULER=off.
 */
export function startRetentionScheduler(db: Db, env: NodeJS.ProcessEnv = process.env): () => void {
	if (env.TANDEM_SCHEDULER === 'off') return () => {};
	const every = Number(env.RETENTION_INTERVAL_MS) || 60 * 60_000;
	return startInterval('retention', every, async () => {
		await forgetEndedAttemptWindows(db);
		await forgetExpiredLinkSheets(db);
		const applied = await applyRetention(db);
		for (const target of applied)
			console.log(
				`[tandem] retention: ${target.participantIds.length} people anonymised in program ${target.programId}`
			);
	});
}
