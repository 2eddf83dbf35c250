import { describe, expect, it } from 'vitest';
import { obviousPairing } from './obvious-pairing';

const mentors = [
	{ id: 'm1', field: 'IT', capacity: null },
	{ id: 'm2', field: 'Health', capacity: null },
	{ id: 'm3', field: 'IT', capacity: 2 }
];

describe('obviousPairing', () => {
	it('gives each protégé, first come, the first mentor of the field with room left', () => {
		const proteges = ['IT', 'IT', 'Health', 'IT', 'IT', 'Health'].map((field, i) => ({
			id: `p${i + 1}`,
			field
		}));
		expect(obviousPairing(proteges, mentors)).toEqual([
			{ protegeId: 'p1', mentorId: 'm1' },
			{ protegeId: 'p2', mentorId: 'm3' },
			{ protegeId: 'p3', mentorId: 'm2' },
			{ protegeId: 'p4', mentorId: 'm3' }
		]);
	});

	it('leaves out a protégé with no field or a field no mentor has', () => {
		const proteges = [
			{ id: 'p1', field: null },
			{ id: 'p2', field: 'Trades' },
			{ id: 'p3', field: 'Health' }
		];
		expect(obviousPairing(proteges, mentors)).toEqual([{ protegeId: 'p3', mentorId: 'm2' }]);
	});
});
