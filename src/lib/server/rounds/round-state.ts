import { todayIn } from '$lib/time/days';
import type { Round } from '../db/schema';

export type RoundState = 'scheduled' | 'open' | 'closed';

/**
 * Open from the start of its opening day to the end of its closing day, days being those of
 * `today`'s time zone (the organization's: `todayIn(zone, now)`), unless closed early.
 */
export function roundState(
	round: Pick<Round, 'opens_on' | 'closes_on' | 'closed_at'>,
	today: string
): RoundState {
	if (round.closed_at !== null || today > round.closes_on) return 'closed';
	return today < round.opens_on ? 'scheduled' : 'open';
}

/** The state at the instant `now` for an organization in `zone`. */
export function roundStateAt(
	round: Pick<Round, 'opens_on' | 'closes_on' | 'closed_at'>,
	zone: string,
	now = Date.now()
): RoundState {
	return roundState(round, todayIn(zone, now));
}

/** Default reminder steps: 3 and 7 days after opening, 1 day before closing. */
export const DEFAULT_REMINDER_DAYS = [3, 7, -1];

/** The wave a new round most likely asks: the first the program has not asked yet ('mid' once all have). */
export function nextWave(asked: readonly string[]): 'pre' | 'mid' | 'post' {
	return (['pre', 'mid', 'post'] as const).find((wave) => !asked.includes(wave)) ?? 'mid';
}
