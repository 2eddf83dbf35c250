import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	dateIn,
	endOfDayMs,
	isIsoDate,
	isoDateOf,
	startOfDayMs,
	todayIn
} from './days';

const utc = (iso: string) => Date.parse(iso);

describe('today in a time zone', () => {
	it.each([
		['America/Toronto', '2026-12-05T03:00:00Z', '2026-12-04'],
		['America/Toronto', '2026-12-05T05:00:00Z', '2026-12-05'],
		['America/Toronto', '2026-03-09T03:59:00Z', '2026-03-08'],
		['America/Toronto', '2026-03-09T04:00:00Z', '2026-03-09'],
		['America/Toronto', '2026-11-02T04:59:00Z', '2026-11-01'],
		['America/Toronto', '2026-11-02T05:00:00Z', '2026-11-02'],
		['America/Vancouver', '2026-12-05T07:59:00Z', '2026-12-04'],
		['Asia/Tokyo', '2026-12-05T15:00:00Z', '2026-12-06'],
		['UTC', '2026-12-05T23:59:59Z', '2026-12-05']
	])('in %s at %s it is %s', (zone, instant, day) => {
		expect(todayIn(zone, utc(instant))).toBe(day);
		expect(dateIn(utc(instant), zone)).toBe(day);
	});
});

describe('a day as a span of time', () => {
	it.each([
		// DST starts at 02:00 on 8 March 2026 in Toronto: a 23-hour day.
		['America/Toronto', '2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23],
		// DST ends at 02:00 on 1 November 2026: a 25-hour day.
		['America/Toronto', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 25],
		['America/Toronto', '2026-12-04', '2026-12-04T05:00:00Z', '2026-12-05T05:00:00Z', 24],
		// Santiago skips midnight when DST starts: the day begins at 01:00.
		['America/Santiago', '2026-09-06', '2026-09-06T04:00:00Z', '2026-09-07T03:00:00Z', 23],
		['Asia/Kolkata', '2026-12-05', '2026-12-04T18:30:00Z', '2026-12-05T18:30:00Z', 24]
	])('in %s, %s runs from %s to %s (%i hours)', (zone, day, start, end, hours) => {
		expect(startOfDayMs(day, zone)).toBe(utc(start));
		expect(endOfDayMs(day, zone)).toBe(utc(end));
		expect((endOfDayMs(day, zone) - startOfDayMs(day, zone)) / 3_600_000).toBe(hours);
	});
});

describe('day arithmetic', () => {
	it.each([
		['2026-03-07', 1, '2026-03-08'],
		['2026-03-08', 1, '2026-03-09'],
		['2026-10-31', 2, '2026-11-02'],
		['2026-12-31', 1, '2027-01-01'],
		['2028-03-01', -1, '2028-02-29'],
		['2026-03-21', -1, '2026-03-20']
	])('%s plus %i days is %s', (day, days, expected) => {
		expect(addDays(day, days)).toBe(expected);
	});

	it.each([
		['2026-01-31', 1, '2026-02-28'],
		['2026-08-15', 4, '2026-12-15'],
		['2026-10-31', 4, '2027-02-28'],
		['2027-11-30', 3, '2028-02-29']
	])('%s plus %i months is %s', (day, months, expected) => {
		expect(addMonths(day, months)).toBe(expected);
	});
});

describe('calendar days people type', () => {
	it.each([
		['2026-03-08', true],
		['2028-02-29', true],
		['2026-02-29', false],
		['2026-04-31', false],
		['2026-13-01', false],
		['2026-3-8', false],
		['08/03/2026', false],
		['', false]
	])('%j is a real day: %s', (value, real) => {
		expect(isIsoDate(value)).toBe(real);
	});

	it.each([
		[2026, 3, 8, '2026-03-08'],
		[2026, 2, 29, null],
		[2026, 12, 31, '2026-12-31'],
		[2026, 0, 1, null]
	])('%i-%i-%i is %s', (year, month, day, expected) => {
		expect(isoDateOf(year, month, day)).toBe(expected);
	});
});
