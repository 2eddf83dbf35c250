import { describe, expect, it } from 'vitest';
import { newItem } from './editing';
import { describeRemoval } from './removal';
import { INSTRUMENT_FORMAT, type InstrumentDocument } from './types';

function sample(): InstrumentDocument {
	const doc: InstrumentDocument = {
		format: INSTRUMENT_FORMAT,
		name: { en: 'S' },
		languages: ['en'],
		constructs: [
			{ key: 'contact', name: { en: 'Contact' }, weight: 1, items: [] },
			{ key: 'check_in', name: { en: 'Check-in' }, weight: 1, items: [] }
		]
	};
	const often = newItem(doc, 'often', 'scale', 'pre');
	const hours = newItem(doc, 'hours', 'number', 'pre');
	const hoursActual = newItem(doc, 'hours_actual', 'number', 'mid');
	hoursActual.follows = 'hours';
	const oftenActual = newItem(doc, 'often_actual', 'scale', 'mid');
	oftenActual.follows = 'often';
	doc.constructs[0]!.items.push(often, hours, hoursActual);
	doc.constructs[1]!.items.push(oftenActual);
	return doc;
}

describe('what a removal would take away', () => {
	it.each([
		['item', 'hours_actual', { constructKey: 'contact', followedBy: [] }],
		['item', 'hours', { constructKey: 'contact', followedBy: ['hours_actual'] }],
		['item', 'often', { constructKey: 'contact', followedBy: ['often_actual'] }],
		// A follow-up inside the topic goes with it; one outside stops the removal.
		['topic', 'contact', { itemCount: 3, followedBy: ['often_actual'] }],
		['topic', 'check_in', { itemCount: 1, followedBy: [] }]
	] as const)('%s %s', (kind, key, expected) => {
		expect(describeRemoval(sample(), kind, key)).toEqual({ kind, key, ...expected });
	});

	it('is nothing for what the draft does not have', () => {
		expect(describeRemoval(sample(), 'item', 'contact')).toBeNull();
		expect(describeRemoval(sample(), 'topic', 'often')).toBeNull();
		expect(describeRemoval(sample(), 'item', '')).toBeNull();
	});
});
