import { describe, expect, it } from 'vitest';
import type { ConstructDocument } from '$lib/instruments/types';
import { explainMatch } from './match-explanation';
import { label, scale } from './testing/instrument';

const choice = (key: string) => ({
	...scale(key, 'pre'),
	type: 'choice' as const,
	direction: null,
	options: [
		{ value: 'x', label },
		{ value: 'y', label }
	]
});

// "roles" weighs twice "contact". `lead` is a key question.
const constructs: ConstructDocument[] = [
	{
		key: 'roles',
		name: label,
		weight: 2,
		items: [
			scale('lead', 'pre', { critical: true }),
			scale('referrals', 'pre'),
			{ ...scale('free', 'pre'), type: 'text' }
		]
	},
	{
		key: 'contact',
		name: label,
		weight: 1,
		items: [choice('mode'), scale('frequency', 'pre'), scale('later', 'mid')]
	},
	{ key: 'unweighted', name: label, weight: 0, items: [scale('aside', 'pre')] }
];

const keys = (topics: { item: { key: string } }[]) => topics.map((t) => t.item.key);

describe('why a mentor and a protégé would fit', () => {
	// lead 0 apart (key question), referrals |.5 − .25| = .25 (×2 = .5), mode 1 (×1 = 1),
	// frequency 0, aside 1 apart but weighing nothing, later and free never compared.
	const mentor = {
		lead: ['5'],
		referrals: ['3'],
		mode: ['x'],
		frequency: ['2'],
		aside: ['1'],
		later: ['1'],
		free: ['a']
	};
	const protege = {
		lead: ['5'],
		referrals: ['2'],
		mode: ['y'],
		frequency: ['2'],
		aside: ['5'],
		later: ['5'],
		free: ['b']
	};

	it('names agreements on key questions first, then by construct weight', () => {
		expect(keys(explainMatch(constructs, mentor, protege).agreements)).toEqual([
			'lead',
			'frequency'
		]);
	});

	it('names the largest weighted differences first', () => {
		const { differences } = explainMatch(constructs, mentor, protege);
		expect(keys(differences)).toEqual(['mode', 'referrals']);
		expect(differences[0]).toMatchObject({ divergence: 1, weight: 1, mine: ['y'], partner: ['x'] });
		expect(differences[1]).toMatchObject({
			divergence: 0.25,
			weight: 2,
			mine: ['2'],
			partner: ['3']
		});
	});

	it('puts a difference on a key question before any other', () => {
		const apart = { ...protege, lead: ['3'] }; // |1 − .5| = .5
		expect(keys(explainMatch(constructs, mentor, apart, 3).differences)).toEqual([
			'lead',
			'mode',
			'referrals'
		]);
		expect(keys(explainMatch(constructs, mentor, apart).agreements)).toEqual(['frequency']);
	});

	it('breaks ties in the instrument order', () => {
		const tied = { ...protege, referrals: ['1'] }; // |.5 − 0| = .5, ×2 = 1: as large as mode
		expect(keys(explainMatch(constructs, mentor, tied).differences)).toEqual(['referrals', 'mode']);
	});

	it('leaves out what was not answered or "don\'t know"', () => {
		const unsure = { lead: ['dont_know'], referrals: ['3'] };
		expect(explainMatch(constructs, mentor, unsure)).toMatchObject({
			agreements: [{ item: { key: 'referrals' } }],
			differences: []
		});
	});
});
