import { describe, expect, it } from 'vitest';
import { canonicalValue, TableChecksum, type ColumnKind } from './row-checksum';

describe('canonicalValue', () => {
	// SQLite hands integers over as bigint and doubles as numbers; PostgreSQL prints both as text.
	it.each<[ColumnKind, unknown, unknown, string | null]>([
		['integer', 9007199254740993n, '9007199254740993', '9007199254740993'],
		['integer', 0n, '0', '0'],
		['integer', -12n, '-12', '-12'],
		['real', 0.30000000000000004, '0.30000000000000004', '0.30000000000000004'],
		['real', 0.00001, '1e-05', '0.00001'],
		['real', 1, '1', '1'],
		['real', 1e300, '1e+300', '1e+300'],
		['text', 'Émile 😀', 'Émile 😀', 'Émile 😀'],
		['text', null, null, null]
	])('a %s read as %o on SQLite and %o on PostgreSQL is %o', (kind, sqlite, postgres, expected) => {
		expect(canonicalValue(kind, sqlite)).toBe(expected);
		expect(canonicalValue(kind, postgres)).toBe(expected);
	});

	it('refuses a value of another kind than its column', () => {
		expect(() => canonicalValue('integer', 1.5)).toThrow(
			'Expected a value of kind integer, found number 1.5'
		);
		expect(() => canonicalValue('text', Buffer.from('x'))).toThrow(
			'Expected a value of kind text, found object'
		);
	});
});

describe('TableChecksum', () => {
	const digest = (rows: unknown[][]) => {
		const checksum = new TableChecksum(['text', 'text']);
		for (const row of rows) checksum.add(row);
		return checksum.digest();
	};

	it('tells apart rows that plain concatenation would not', () => {
		expect(digest([['a,b', 'c']])).not.toBe(digest([['a', 'b,c']]));
		expect(digest([['', null]])).not.toBe(digest([[null, '']]));
		expect(digest([['a', 'b']])).toBe(digest([['a', 'b']]));
	});
});
