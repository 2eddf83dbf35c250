import { describe, expect, it } from 'vitest';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { groupDivergence } from './item-divergence';
import { baselineAlignment } from './pair-alignment';

const label = { en: 'x' };
const scale: ItemDocument = {
	key: 'often',
	wave: 'pre',
	type: 'scale',
	required: true,
	critical: false,
	direction: 'ascending',
	options: [
		...['1', '2', '3', '4', '5'].map((value) => ({ value, label })),
		{ value: 'dont_know', label, missing: true }
	],
	wording: { mentor: label, protege: label, staff: label }
};
const choice: ItemDocument = {
	...scale,
	key: 'who',
	type: 'choice',
	direction: null,
	options: ['mentor', 'protege', 'both'].map((value) => ({ value, label }))
};
const hours: ItemDocument = {
	...scale,
	key: 'hours',
	type: 'number',
	direction: null,
	options: undefined,
	number: { unit: label, min: 0, max: 40 }
};

describe('divergence from a group baseline (hand-computed)', () => {
	it.each([
		[
			'scale: 5 against coordinators 3 and 5 (mean position 0.75)',
			scale,
			['5'],
			[['3'], ['5']],
			0.25
		],
		[
			'scale: coordinators who said "don\'t know" are left out',
			scale,
			['1'],
			[['dont_know'], ['3']],
			0.5
		],
		['scale: nobody in the group answered', scale, ['1'], [undefined, ['dont_know']], null],
		['scale: the person said "don\'t know"', scale, ['dont_know'], [['3']], null],
		[
			'choice: mean of 0 and 1 against two coordinators',
			choice,
			['both'],
			[['both'], ['mentor']],
			0.5
		],
		['number: 6 hours against a mean of 8', hours, ['6'], [['4'], ['12']], 0.25],
		['number: zero against a mean of zero', hours, ['0'], [['0'], ['0']], 0],
		['a group of one is that person', scale, ['2'], [['4']], 0.5]
	] as const)('%s', (_, item, answer, group, expected) => {
		const result = groupDivergence(
			item,
			answer,
			group.map((g) => g as readonly string[] | undefined)
		);
		if (expected === null) expect(result).toBeNull();
		else expect(result).toBeCloseTo(expected, 10);
	});

	it('weights constructs against the staff baseline like a pair', () => {
		const constructs: ConstructDocument[] = [
			{ key: 'contact', name: label, weight: 1, items: [scale, hours] },
			{ key: 'roles', name: label, weight: 3, items: [choice] }
		];
		const staff = [
			{ often: ['3'], hours: ['8'], who: ['both'] },
			{ often: ['5'], hours: ['8'], who: ['both'] }
		];
		const alignment = baselineAlignment(
			constructs,
			'pre',
			{ often: ['5'], hours: ['4'], who: ['mentor'] },
			staff
		);
		// contact: (0.25 + 0.5) / 2 = 0.375; roles: 1 → 1 − (0.375 + 3) / 4
		expect(alignment.byConstruct.contact).toBeCloseTo(0.375, 10);
		expect(alignment.byConstruct.roles).toBe(1);
		expect(alignment.score).toBeCloseTo(1 - 3.375 / 4, 10);
		expect(baselineAlignment(constructs, 'pre', { often: ['5'] }, []).score).toBeNull();
	});
});
