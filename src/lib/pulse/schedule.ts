import { addDays, daysBetween, type IsoDate } from '$lib/time/days';

/** When a program's pulse check-ins come: days after a pair starts, then days between. */
export interface CheckInPlan {
	firstDays: number;
	everyDays: number;
}

export const DEFAULT_CHECK_IN_PLAN: CheckInPlan = { firstDays: 14, everyDays: 30 };

/** A check-in step and the day it falls due. */
export interface CheckInStep {
	step: number;
	dueOn: IsoDate;
}

/** The day step `step` falls due for a pair that started on `startedOn`. */
export function checkInDueOn(startedOn: IsoDate, plan: CheckInPlan, step: number): IsoDate {
	return addDays(startedOn, plan.firstDays + step * plan.everyDays);
}

/**
 * The latest step due by `today` for a pair that started on `startedOn`, in a program that ends
 * on `endsOn`: none before the first is due, and none falls due after the program's end. A step
 * missed (a scheduler that did not run for weeks) is not sent late: only the latest one is.
 */
export function dueCheckIn(
	startedOn: IsoDate,
	endsOn: IsoDate,
	plan: CheckInPlan,
	today: IsoDate
): CheckInStep | null {
	const last = today < endsOn ? today : endsOn;
	const sinceFirst = daysBetween(checkInDueOn(startedOn, plan, 0), last);
	if (sinceFirst < 0) return null;
	const step = Math.floor(sinceFirst / Math.max(1, plan.everyDays));
	return { step, dueOn: checkInDueOn(startedOn, plan, step) };
}
