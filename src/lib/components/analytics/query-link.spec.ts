import { describe, expect, it } from 'vitest';
import { searchWith } from './query-link';

describe('links that sort, filter and page', () => {
	it.each([
		['/p?sort=risk', { page: '2' }, '?sort=risk&page=2'],
		['/p?sort=risk&page=2', { page: null }, '?sort=risk'],
		['/p?%2Fpair=&sort=risk', { sort: 'name' }, '?sort=name'],
		['/p?/links', { page: null }, ''],
		['/p?q=B%C3%A9langer', { page: '3' }, '?q=B%C3%A9langer&page=3']
	])('%s with %o links to %s', (address, changes, expected) => {
		expect(searchWith(new URL(address, 'http://tandem.test'), changes)).toBe(expected);
	});
});
