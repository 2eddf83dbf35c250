import { describe, expect, it } from 'vitest';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { amountOf, isMissing, itemDivergence, scalePosition } from './item-divergence';
import { constructDivergence, pairAlignment } from './pair-alignment';
import { unmetExpectation } from './unmet-expectation';

const label = { en: 'x' };
const scale = (
	key: string,
	k = 5,
	direction: 'ascending' | 'descending' = 'ascending',
	wave: 'pre' | 'mid' = 'pre'
): ItemDocument => ({
	key,
	wave,
	type: 'scale',
	required: true,
	critical: false,
	direction,
	options: [
		...Array.from({ length: k }, (_, i) => ({ value: String(i + 1), label })),
		{ value: 'dont_know', label, missing: true }
	],
	wording: { mentor: label, protege: label }
});
const choice: ItemDocument = {
	...scale('who'),
	type: 'choice',
	direction: null,
	options: ['mentor', 'protege', 'both']
		.map((value) => ({ value, label }))
		.concat({ value: 'dont_know', label, missing: true } as never)
};
const multi: ItemDocument = {
	...scale('modes'),
	type: 'multi',
	direction: null,
	options: ['in_person', 'video', 'phone', 'messages'].map((value) => ({ value, label }))
};
const hours: ItemDocument = {
	...scale('hours'),
	type: 'number',
	direction: null,
	options: undefined,
	number: { unit: label, min: 0, max: 40 }
};
const text: ItemDocument = { ...scale('notes'), type: 'text', direction: null, options: undefined };

describe('item divergence (hand-computed)', () => {
	it.each([
		['scale, same answer', scale('s'), ['3'], ['3'], 0],
		['scale, ends of a 5-point scale', scale('s'), ['1'], ['5'], 1],
		['scale, one step on 5 points', scale('s'), ['2'], ['3'], 0.25],
		['scale, one step on 3 points', scale('s', 3), ['1'], ['2'], 0.5],
		['scale, "don\'t know" is missing, not 0', scale('s'), ['dont_know'], ['1'], null],
		['scale, no answer', scale('s'), undefined, ['1'], null],
		['choice, equal', choice, ['both'], ['both'], 0],
		['choice, different', choice, ['mentor'], ['protege'], 1],
		['choice, "don\'t know"', choice, ['dont_know'], ['mentor'], null],
		['multi, identical sets', multi, ['video', 'phone'], ['phone', 'video'], 0],
		['multi, one shared of three', multi, ['video', 'phone'], ['phone', 'messages'], 1 - 1 / 3],
		['multi, disjoint', multi, ['video'], ['in_person'], 1],
		['multi, nothing chosen is missing', multi, [], ['video'], null],
		['number, 4 and 8 hours', hours, ['4'], ['8'], 0.5],
		['number, both zero', hours, ['0'], ['0'], 0],
		['number, zero and 10', hours, ['0'], ['10'], 1],
		['text is never scored', text, ['hello'], ['hello'], null]
	] as const)('%s', (_, item, a, b, expected) => {
		const result = itemDivergence(item, a, b);
		if (expected === null) expect(result).toBeNull();
		else expect(result).toBeCloseTo(expected, 10);
	});

	it('reads scale positions and amounts in the declared direction', () => {
		expect(scalePosition(scale('s'), ['4'])).toBe(0.75);
		expect(amountOf(scale('s', 5, 'descending'), ['1'])).toBe(1);
		expect(amountOf(scale('s', 5, 'descending'), ['5'])).toBe(0);
		expect(isMissing(scale('s'), ['dont_know'])).toBe(true);
	});
});

describe('construct divergence and pair alignment', () => {
	const focus: ConstructDocument = {
		key: 'focus',
		name: label,
		weight: 2,
		items: [scale('a'), scale('b'), text]
	};
	const contact: ConstructDocument = {
		key: 'contact',
		name: label,
		weight: 1,
		items: [hours, choice]
	};
	const mentor = { a: ['5'], b: ['1'], notes: ['x'], hours: ['4'], who: ['mentor'] };
	const protege = { a: ['5'], b: ['3'], notes: ['y'], hours: ['8'], who: ['mentor'] };

	it('averages the items both answered, ignoring text and missing answers', () => {
		expect(constructDivergence(focus, 'pre', mentor, protege)).toBeCloseTo((0 + 0.5) / 2, 10);
		expect(constructDivergence(focus, 'pre', { a: ['dont_know'] }, { a: ['1'] })).toBeNull();
		// A single-answer construct is that one item's divergence.
		expect(constructDivergence(focus, 'pre', { a: ['1'] }, { a: ['2'], b: ['4'] })).toBeCloseTo(
			0.25,
			10
		);
	});

	it('weights constructs: 1 − (2 × 0.25 + 1 × 0.25) / 3', () => {
		const alignment = pairAlignment([focus, contact], 'pre', mentor, protege);
		expect(alignment.byConstruct).toEqual({ focus: 0.25, contact: 0.25 });
		expect(alignment.score).toBeCloseTo(0.75, 10);
		// Contact agreed fully (8 and 8 hours, same choice): 1 − (2 × 0.25 + 1 × 0) / 3.
		const contactAgreed = pairAlignment(
			[focus, contact],
			'pre',
			{ ...mentor, hours: ['8'] },
			protege
		);
		expect(contactAgreed.byConstruct).toEqual({ focus: 0.25, contact: 0 });
		expect(contactAgreed.score).toBeCloseTo(1 - 0.5 / 3, 10);
	});

	it('is null when nothing can be compared', () => {
		expect(pairAlignment([focus, contact], 'pre', {}, protege)).toEqual({
			score: null,
			byConstruct: { focus: null, contact: null }
		});
	});
});

describe('unmet expectations', () => {
	const expectedOften = scale('often', 4, 'descending');
	const actualOften = scale('often_actual', 4, 'descending', 'mid');
	it.each([
		[
			'expected weekly (1), met every two weeks (2): one step short of 4',
			expectedOften,
			actualOften,
			['1'],
			['2'],
			1 / 3
		],
		['met more often than expected: nothing unmet', expectedOften, actualOften, ['3'], ['1'], 0],
		['"don\'t know" at mid', expectedOften, actualOften, ['1'], ['dont_know'], null],
		[
			'ascending importance 5 → covered 2 on 5 points',
			scale('topic'),
			scale('topic_covered', 5, 'ascending', 'mid'),
			['5'],
			['2'],
			0.75
		],
		[
			'hours: expected 8, had 2',
			hours,
			{ ...hours, key: 'hours_actual', wave: 'mid' as const },
			['8'],
			['2'],
			0.75
		],
		[
			'hours: expected 0',
			hours,
			{ ...hours, key: 'hours_actual', wave: 'mid' as const },
			['0'],
			['2'],
			0
		]
	] as const)('%s', (_, pre, mid, expected, experienced, result) => {
		const value = unmetExpectation(pre, mid, expected, experienced);
		if (result === null) expect(value).toBeNull();
		else expect(value).toBeCloseTo(result, 10);
	});
});
