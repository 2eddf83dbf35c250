import { describe, expect, it } from 'vitest';
import { defaultInstrument } from '$lib/server/instruments/default-instrument';
import { estimatedMinutes } from './survey-length';
import type { InstrumentDocument, ItemDocument } from './types';

const item = (type: ItemDocument['type'], wave: ItemDocument['wave'] = 'pre'): ItemDocument => ({
	key: `${type}-${wave}-${Math.random()}`,
	wave,
	type,
	required: false,
	critical: false,
	wording: { protege: { en: 'A question?' } }
});
const documentOf = (items: ItemDocument[]): InstrumentDocument =>
	({
		...defaultInstrument,
		constructs: [{ key: 'c', name: { en: 'C' }, weight: 1, items }]
	}) as InstrumentDocument;

describe('how long a survey takes', () => {
	it('adds seconds by question type for the role and wave asked', () => {
		// 10 scales (120 s) + 3 texts (120 s) = 4 minutes; a mid item and a mentor-only item don't count.
		const items = [
			...Array.from({ length: 10 }, () => item('scale')),
			...Array.from({ length: 3 }, () => item('text')),
			item('text', 'mid'),
			{ ...item('text'), wording: { mentor: { en: 'Only for mentors?' } } }
		];
		expect(estimatedMinutes(documentOf(items), 'protege', 'pre')).toBe(4);
		expect(estimatedMinutes(documentOf([item('scale')]), 'protege', 'pre')).toBe(1);
	});

	it('gives the shipped surveys about the ten minutes the consent page promises', () => {
		for (const role of ['mentor', 'protege'] as const)
			for (const wave of ['pre', 'mid'] as const) {
				const minutes = estimatedMinutes(defaultInstrument, role, wave);
				expect(minutes, `${role} ${wave}`).toBeGreaterThanOrEqual(5);
				expect(minutes, `${role} ${wave}`).toBeLessThanOrEqual(12);
			}
	});
});
