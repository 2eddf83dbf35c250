import { describe, expect, it } from 'vitest';
import {
	addConstruct,
	addItem,
	addLanguage,
	moveItem,
	newItem,
	removeConstruct,
	removeItem,
	replaceItem
} from './editing';
import { INSTRUMENT_FORMAT, type InstrumentDocument } from './types';

function sample(): InstrumentDocument {
	const doc: InstrumentDocument = {
		format: INSTRUMENT_FORMAT,
		name: { en: 'S', fr: 'S' },
		languages: ['en', 'fr'],
		constructs: [
			{ key: 'contact', name: { en: 'Contact', fr: 'Contact' }, weight: 1, items: [] },
			{ key: 'other', name: { en: 'Other', fr: 'Autre' }, weight: 1, items: [] }
		]
	};
	doc.constructs[0]!.items.push(
		newItem(doc, 'often', 'scale', 'pre'),
		newItem(doc, 'hours', 'number', 'pre')
	);
	const followUp = newItem(doc, 'often_actual', 'scale', 'mid');
	followUp.follows = 'often';
	doc.constructs[1]!.items.push(followUp);
	return doc;
}

const keys = (doc: InstrumentDocument) =>
	doc.constructs.map((c) => [c.key, c.items.map((i) => i.key)]);

describe('draft edits', () => {
	it('never change the document they are given', () => {
		const doc = sample();
		const before = structuredClone(doc);
		moveItem(doc, 'hours', -1);
		addLanguage(doc, 'es');
		expect(doc).toEqual(before);
	});

	it('reorder items within their construct', () => {
		const result = moveItem(sample(), 'hours', -1);
		expect(result.ok && keys(result.document)[0]).toEqual(['contact', ['hours', 'often']]);
		const atTop = moveItem(sample(), 'often', -1);
		expect(atTop.ok && keys(atTop.document)[0]).toEqual(['contact', ['often', 'hours']]);
	});

	it('refuse keys already used by an item or a construct', () => {
		expect(addConstruct(sample(), 'often', { en: 'x' })).toEqual({
			ok: false,
			reason: 'key_taken'
		});
		expect(addItem(sample(), 'contact', newItem(sample(), 'other', 'text', 'pre'))).toEqual({
			ok: false,
			reason: 'key_taken'
		});
	});

	it('refuse to remove what a follow-up still points to', () => {
		expect(removeItem(sample(), 'often')).toEqual({ ok: false, reason: 'still_followed' });
		expect(removeConstruct(sample(), 'contact')).toEqual({ ok: false, reason: 'still_followed' });
		const removed = removeConstruct(sample(), 'other');
		expect(removed.ok && keys(removed.document)).toEqual([['contact', ['often', 'hours']]]);
	});

	it('carry follow-up links along when an item is renamed or moved', () => {
		const doc = sample();
		const renamed = { ...doc.constructs[0]!.items[0]!, key: 'frequency' };
		const result = replaceItem(doc, 'often', renamed, 'other');
		if (!result.ok) throw new Error(result.reason);
		expect(keys(result.document)).toEqual([
			['contact', ['hours']],
			['other', ['often_actual', 'frequency']]
		]);
		expect(result.document.constructs[1]!.items[0]!.follows).toBe('frequency');
	});

	it('refuse a language code that is not one, before touching any text', () => {
		for (const code of ['', 'english', 'e', 'x'.repeat(100_000), 'es\u0000', '<b>'])
			expect(addLanguage(sample(), code)).toEqual({ ok: false, reason: 'language_invalid' });
	});

	it('add a language with empty texts everywhere, ready to translate', () => {
		const result = addLanguage(sample(), 'es');
		if (!result.ok) throw new Error(result.reason);
		const item = result.document.constructs[0]!.items[0]!;
		expect(result.document.languages).toEqual(['en', 'fr', 'es']);
		expect(item.wording.mentor).toEqual({ en: '', fr: '', es: '' });
		expect(item.options![0]!.label.es).toBe('');
		expect(result.document.constructs[0]!.items[1]!.number!.unit.es).toBe('');
		expect(addLanguage(result.document, 'es')).toEqual({ ok: false, reason: 'language_exists' });
	});
});
