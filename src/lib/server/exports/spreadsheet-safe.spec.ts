import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from './spreadsheet-safe';

describe('spreadsheetSafe', () => {
	it.each([
		['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
		['+1+cmd|calc', `'+1+cmd|calc`],
		['-2+3', `'-2+3`],
		['@SUM(A1)', `'@SUM(A1)`],
		['\t=1', `'\t=1`],
		['\r=1', `'\r=1`],
		['-5', `'-5`]
	])('puts a quote before text that starts like a formula: %j', (cell, safe) => {
		expect(spreadsheetSafe(cell)).toBe(safe);
	});

	it.each([
		'Zoë Bélanger',
		'a = b',
		'email@example.org',
		"'=already quoted",
		' =1 after a space',
		''
	])('leaves harmless text as it is: %j', (cell) => {
		expect(spreadsheetSafe(cell)).toBe(cell);
	});

	it.each([0, 0.625, 42, -3, -0.5])('keeps the number %d a number', (cell) => {
		expect(spreadsheetSafe(cell)).toBe(cell);
	});

	it('keeps an empty cell empty', () => {
		expect(spreadsheetSafe(null)).toBeNull();
	});
});
