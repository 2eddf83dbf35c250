import { dateTimeFormat, regionalLocale } from '$lib/intl';

/*
 * Intl only (no Temporal), so that pages formatting dates stay small. An instant is always worded
 * in the organization's time zone, so the server and every browser write the same day and time.
 */

/** An instant as a day: "5 December 2026". */
export function formatDate(epochMs: number, locale: string, zone: string): string {
	return dateTimeFormat(regionalLocale(locale), { dateStyle: 'long', timeZone: zone }).format(
		epochMs
	);
}

/** An instant as a day and time: "Dec 5, 2026, 3:00 p.m.". */
export function formatDateTime(epochMs: number, locale: string, zone: string): string {
	return dateTimeFormat(regionalLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: zone
	}).format(epochMs);
}

/** A calendar day (`YYYY-MM-DD`), the same day in every zone. */
export function formatIsoDate(date: string, locale: string): string {
	return dateTimeFormat(regionalLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
		Date.parse(`${date}T12:00:00Z`)
	);
}
