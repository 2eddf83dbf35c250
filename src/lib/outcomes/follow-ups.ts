import { addMonths, daysBetween, type IsoDate } from '$lib/time/days';

/**
 * Follow-up outcome surveys after a program ends: short, matched questions to protégés (their
 * work now, in their field or not, how they found it) and mentors (still in touch?), a set
 * number of months after the program's end.
 */
export const DEFAULT_FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export const MAX_FOLLOW_UP_MONTHS = 36;
/** A step not sent within this many days of falling due is left (a program that ended long ago). */
export const SEND_WITHIN_DAYS = 45;

export const WORK_STATUSES = [
	'employed_in_field',
	'employed_other_field',
	'looking',
	'not_looking',
	'studying'
] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const EMPLOYED: readonly WorkStatus[] = ['employed_in_field', 'employed_other_field'];

export const FOUND_THROUGH = ['program', 'mentor', 'referral', 'other'] as const;
export type FoundThrough = (typeof FOUND_THROUGH)[number];

export const JOB_TITLE_MAX = 120;

/** A program's follow-up months as stored (a JSON list), sorted, unknown values dropped. */
export function followUpMonthsOf(stored: string): number[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(stored);
	} catch {
		return [];
	}
	if (!Array.isArray(parsed)) return [];
	const months = parsed.filter(
		(m): m is number => Number.isInteger(m) && m >= 1 && m <= MAX_FOLLOW_UP_MONTHS
	);
	return [...new Set(months)].sort((a, b) => a - b);
}

/** The day a follow-up falls due: `months` after the program's end. */
export function followUpDueOn(endsOn: IsoDate, months: number): IsoDate {
	return addMonths(endsOn, months);
}

/**
 * The latest follow-up due by `today` for a program that ended on `endsOn`, if it fell due in
 * the last 45 days: a step missed for longer is not sent late, and a program's earlier steps are
 * not sent when a later one is due.
 */
export function dueFollowUp(
	endsOn: IsoDate,
	months: readonly number[],
	today: IsoDate
): { months: number; dueOn: IsoDate } | null {
	const due = months
		.map((m) => ({ months: m, dueOn: followUpDueOn(endsOn, m) }))
		.filter((step) => step.dueOn <= today)
		.at(-1);
	if (!due || daysBetween(due.dueOn, today) > SEND_WITHIN_DAYS) return null;
	return due;
}

/** The day after which no follow-up is due: the program's end plus its last follow-up. */
export function lastFollowUpOn(endsOn: IsoDate, months: readonly number[]): IsoDate {
	return months.length === 0 ? endsOn : followUpDueOn(endsOn, Math.max(...months));
}
