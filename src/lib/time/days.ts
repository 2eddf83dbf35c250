import { Temporal } from 'temporal-polyfill';

/**
 * Calendar days are ISO strings (`YYYY-MM-DD`) with no zone of their own; a day becomes a span
 * of time only in a time zone, where it may last 23 or 25 hours.
 */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` naming a day that exists (no 30 February). */
export function isIsoDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	try {
		Temporal.PlainDate.from(value, { overflow: 'reject' });
		return true;
	} catch {
		return false;
	}
}

/** The day from its parts, or null when there is no such day. */
export function isoDateOf(year: number, month: number, day: number): IsoDate | null {
	try {
		return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }).toString();
	} catch {
		return null;
	}
}

/** The calendar day it is in `zone` at the instant `epochMs`. */
export function dateIn(epochMs: number, zone: string): IsoDate {
	return Temporal.Instant.fromEpochMilliseconds(epochMs)
		.toZonedDateTimeISO(zone)
		.toPlainDate()
		.toString();
}

/** "Today" for people in `zone`. */
export function todayIn(zone: string, now = Date.now()): IsoDate {
	return dateIn(now, zone);
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** The same day `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
	return Temporal.PlainDate.from(date).add({ months }).toString();
}

/** The first instant of `date` in `zone` (not always midnight: some zones skip it). */
export function startOfDayMs(date: IsoDate, zone: string): number {
	return Temporal.PlainDate.from(date).toZonedDateTime(zone).epochMilliseconds;
}

/** The instant `date` ends in `zone`, exclusive: the first instant of the next day. */
export function endOfDayMs(date: IsoDate, zone: string): number {
	return startOfDayMs(addDays(date, 1), zone);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' })
		.days;
}
