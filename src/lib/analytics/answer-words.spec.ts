import { describe, expect, it } from 'vitest';
import type { ItemDocument } from '$lib/instruments/types';
import { answerWords, groupAnswerWords } from './answer-words';

const hours: ItemDocument = {
	key: 'contact_hours',
	wave: 'pre',
	type: 'number',
	required: false,
	critical: false,
	direction: 'ascending',
	number: {
		unit: { en: 'hours a month', fr: 'heures par mois' },
		unitOne: { en: 'hour a month', fr: 'heure par mois' },
		min: 0,
		max: 40,
		step: 0.5
	},
	wording: { mentor: { en: 'x' }, protege: { en: 'x' } }
};

describe('a number in words', () => {
	it.each([
		['en', '1', '1 hour a month'],
		['en', '2', '2 hours a month'],
		['en', '0', '0 hours a month'],
		['en', '1.5', '1.5 hours a month'],
		['fr', '1', '1 heure par mois'],
		['fr', '1.5', '1,5 heure par mois'],
		['fr', '2', '2 heures par mois']
	])('%s: %s reads “%s”', (language, value, words) => {
		expect(answerWords(hours, [value], language)).toBe(words);
	});

	it('keeps the one unit it has when the instrument gives no singular', () => {
		const plain = { ...hours, number: { ...hours.number!, unitOne: undefined } };
		expect(answerWords(plain, ['1'], 'en')).toBe('1 hours a month');
	});

	it('counts a group mean the same way', () => {
		expect(groupAnswerWords(hours, [['1'], ['1']], 'en')).toBe(
			'1 hour a month on average (2 answered)'
		);
	});
});

const channel: ItemDocument = {
	key: 'contact_channel',
	wave: 'pre',
	type: 'choice',
	required: false,
	critical: false,
	options: [
		{ value: 'in_person', label: { en: 'In person' } },
		{ value: 'video', label: { en: 'Video' } },
		{ value: 'phone', label: { en: 'Phone' } }
	],
	wording: { staff: { en: 'x' } }
};

describe('several people’s choices in words', () => {
	it.each([
		[[['phone'], ['video'], ['in_person']]],
		[[['in_person'], ['phone'], ['video']]],
		[[['video'], ['in_person'], ['phone']]]
	])(
		'lists equal counts in the instrument’s option order, whoever answered first: %j',
		(answers) => {
			expect(groupAnswerWords(channel, answers, 'en')).toBe(
				'“In person” ×1, “Video” ×1, “Phone” ×1'
			);
		}
	);

	it('lists the most chosen first', () => {
		expect(groupAnswerWords(channel, [['phone'], ['video'], ['phone']], 'en')).toBe(
			'“Phone” ×2, “Video” ×1'
		);
	});
});
