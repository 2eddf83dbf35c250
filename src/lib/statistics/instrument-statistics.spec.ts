import { describe, expect, it } from 'vitest';
import { label, scale } from '$lib/alignment/testing/instrument';
import type { ConstructDocument } from '$lib/instruments/types';
import { flaggedItems, instrumentStatistics, type SentResponse } from './instrument-statistics';

const construct: ConstructDocument = {
	key: 'focus',
	name: label,
	weight: 1,
	items: [scale('a', 'pre'), scale('b', 'pre'), scale('c', 'pre')]
};

const protege = (a: string, b: string | null, c: string | null): SentResponse => ({
	role: 'protege',
	wave: 'pre',
	answers: { a: [a], ...(b === null ? {} : { b: [b] }), ...(c === null ? {} : { c: [c] }) }
});

/**
 * The five complete responses of statistics.spec.ts (α = 16.35/17.3 by hand; positions scaled
 * by 1/4 change neither α nor correlations), one "don't know" on b and one c left out.
 */
const RESPONSES = [
	protege('1', '2', '1'),
	protege('2', '2', '3'),
	protege('3', '3', '3'),
	protege('4', '5', '4'),
	protege('5', '4', '5'),
	protege('3', 'dont_know', '2'),
	protege('2', '3', null)
];

describe('instrument statistics', () => {
	it('gives α, item–rest correlations and missing and don’t-know shares per construct and role', () => {
		const [focus, ...others] = instrumentStatistics([construct], RESPONSES);
		expect(others).toEqual([]);
		expect(focus).toMatchObject({ construct: 'focus', wave: 'pre', role: 'protege' });
		expect(focus!.responses).toBe(7);
		expect(focus!.complete).toBe(5);
		expect(focus!.alpha).toBeCloseTo(16.35 / 17.3, 12);
		const [a, b, c] = focus!.items;
		expect(a!.itemRest).toBeCloseTo(16 / Math.sqrt(272), 12);
		expect([a!.missing, a!.dontKnow]).toEqual([0, 0]);
		expect([b!.missing, b!.dontKnow]).toEqual([0, 1 / 7]);
		expect([c!.missing, c!.dontKnow]).toEqual([1 / 7, 0]);
		// Seven responses are too few to judge any item.
		expect(flaggedItems([focus!]).size).toBe(0);
	});

	it('flags an item often left out or answered "don’t know", and one that goes against the rest', () => {
		// Ten more: b against a and c, and c left out by 3 of 17 … then by 4 more.
		const contrary = Array.from({ length: 10 }, (_, i) =>
			protege(String((i % 5) + 1), String(5 - (i % 5)), i < 4 ? null : String((i % 5) + 1))
		);
		const [focus] = instrumentStatistics([construct], [...RESPONSES, ...contrary]);
		const flags = flaggedItems([focus!]);
		expect(flags.get('b')).toEqual(new Set(['low_item_rest']));
		// c: 1 + 4 of 17 left out (29%).
		expect(flags.get('c')).toEqual(new Set(['often_missing']));
		expect(flags.has('a')).toBe(false);
	});
});
