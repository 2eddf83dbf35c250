import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatIsoDate } from './format';
import { isValidTimeZone, timeZoneNames } from './zones';

describe('dates in words', () => {
	it.each([
		['America/Toronto', 'en', 'December 4, 2026'],
		['America/Toronto', 'fr', '4 décembre 2026'],
		['Europe/Paris', 'en', 'December 5, 2026']
	])('an instant in %s (%s) reads %s, whatever zone the computer is in', (zone, locale, words) => {
		expect(formatDate(Date.parse('2026-12-05T03:00:00Z'), locale, zone)).toBe(words);
	});

	it('gives the time of day in the zone, summer time included', () => {
		const closing = Date.parse('2026-03-09T03:30:00Z');
		expect(formatDateTime(closing, 'en', 'America/Toronto')).toMatch(/Mar 8, 2026, 11:30\sp\.m\./);
	});

	it.each([
		['2026-03-08', 'en', 'March 8, 2026'],
		['2026-11-01', 'fr', '1 novembre 2026']
	])('the calendar day %s reads %s in every zone', (day, locale, words) => {
		expect(formatIsoDate(day, locale)).toBe(words);
	});
});

describe('time zone names', () => {
	it.each([
		['America/Toronto', true],
		['America/St_Johns', true],
		['Asia/Kolkata', true],
		['Europe/Kyiv', true],
		['UTC', true],
		['Mars/Olympus_Mons', false],
		['america/toronto', false],
		['EST5EDT', false],
		['', false],
		['EST5EDT; DROP TABLE', false]
	])('%j is a zone people can choose: %s', (zone, valid) => {
		expect(isValidTimeZone(zone)).toBe(valid);
	});

	it('lists hundreds of zones, sorted', () => {
		const names = timeZoneNames();
		expect(names.length).toBeGreaterThan(300);
		expect([...names].sort()).toEqual(names);
	});
});
