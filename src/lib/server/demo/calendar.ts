import { addDays, endOfDayMs, startOfDayMs, todayIn } from '$lib/time/days';
import { DEFAULT_TIME_ZONE } from '$lib/time/zones';

const DAY = 24 * 60 * 60_000;

export interface OpenDays {
	opens: number;
	closes: number;
}

export interface ProgramTimeline {
	created: number;
	peopleAdded: number;
	starts: number;
	paired: number;
	ends: number;
	pre: OpenDays;
	mid: OpenDays | null;
}

/** A program whose people have signed up and answered `pre`, and are not paired yet. */
export interface IntakeTimeline {
	created: number;
	/** People sign up one after another between these days: first come, first listed. */
	signUps: { from: number; until: number };
	starts: number;
	ends: number;
	pre: OpenDays;
}

/** When things happened, in days from today (negative: in the past). */
export const TIMELINE: {
	organizationCreated: number;
	employersAdded: number;
	tech: ProgramTimeline;
	health: ProgramTimeline;
	intake: IntakeTimeline;
} = {
	organizationCreated: -600,
	employersAdded: -580,
	tech: {
		created: -70,
		peopleAdded: -56,
		starts: -49,
		paired: -47,
		ends: 63,
		pre: { opens: -42, closes: -28 },
		mid: { opens: -16, closes: 12 }
	},
	health: {
		created: -30,
		peopleAdded: -20,
		starts: -14,
		paired: -13,
		ends: 98,
		pre: { opens: -12, closes: 5 },
		mid: null
	},
	intake: {
		created: -28,
		signUps: { from: -25, until: -10 },
		starts: 21,
		ends: 140,
		pre: { opens: -9, closes: 14 }
	}
};

/**
 * Dates and times relative to one fixed "today", so a seeded demo always reads as current; days
 * are those of the demo organization's zone (the default one).
 */
export class Calendar {
	constructor(
		readonly now: number,
		readonly zone = DEFAULT_TIME_ZONE
	) {}

	at(days: number): number {
		return this.now + days * DAY;
	}

	date(days: number): string {
		return addDays(todayIn(this.zone, this.now), days);
	}

	/** A moment while the round was open (its closing day included) and before now, `share` (0–1) of the way. */
	during(days: OpenDays, share: number): number {
		const from = startOfDayMs(this.date(days.opens), this.zone) + 0.25 * DAY;
		const closingDayEnds = endOfDayMs(this.date(days.closes), this.zone) - 1000;
		const until = Math.min(closingDayEnds, this.now - 0.1 * DAY);
		return Math.round(from + share * (until - from));
	}
}
