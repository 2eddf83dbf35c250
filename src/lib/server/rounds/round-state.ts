import type { Round } from '../db/schema';

export type RoundState = 'scheduled' | 'open' | 'closed';

/** Open from its opening day to its closing day inclusive, unless closed early. */
export function roundState(
	round: Pick<Round, 'opens_on' | 'closes_on' | 'closed_at'>,
	today = isoToday()
): RoundState {
	if (round.closed_at !== null || today > round.closes_on) return 'closed';
	return today < round.opens_on ? 'scheduled' : 'open';
}

export function isoToday(now = Date.now()): string {
	return new Date(now).toISOString().slice(0, 10);
}

/** Default reminder steps: 3 and 7 days after opening, 1 day before closing. */
export const DEFAULT_REMINDER_DAYS = [3, 7, -1];
