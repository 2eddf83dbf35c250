import type { Db } from '../db';
import { applyRetention } from './retention';

/**
 * Beside the mail scheduler: a pass every hour (RETENTION_INTERVAL_MS), never two at once, off
 * with the other jobs when TANDEM_SCHEDULER=off.
 */
export function startRetentionScheduler(db: Db, env: NodeJS.ProcessEnv = process.env): () => void {
	if (env.TANDEM_SCHEDULER === 'off') return () => {};
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			const applied = await applyRetention(db);
			for (const target of applied)
				console.log(
					`[tandem] retention: ${target.participantIds.length} people anonymised in program ${target.programId}`
				);
		} catch (error) {
			console.error('[tandem] retention failed:', error);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(tick, Number(env.RETENTION_INTERVAL_MS) || 60 * 60_000);
	timer.unref();
	void tick();
	return () => clearInterval(timer);
}
