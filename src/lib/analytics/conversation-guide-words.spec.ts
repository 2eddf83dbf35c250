import { describe, expect, it } from 'vitest';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { conversationGuide, type PairRole } from '$lib/alignment/conversation-guide';
import { wordGuide, type WordedTopic } from './conversation-guide-words';
import type { AnswerSet } from '$lib/alignment/pair-alignment';

const t = (en: string, fr: string) => ({ en, fr });
const frequency: ItemDocument = {
	key: 'contact_frequency',
	label: t('Meeting frequency', 'Fréquence des rencontres'),
	wave: 'pre',
	type: 'scale',
	required: true,
	critical: false,
	direction: 'descending',
	options: [
		{ value: '1', label: t('More than once a week', 'Plus d’une fois par semaine') },
		{ value: '2', label: t('Every week', 'Chaque semaine') },
		{ value: '3', label: t('Every two weeks', 'Toutes les deux semaines') },
		{ value: '4', label: t('Every month', 'Chaque mois') },
		{ value: 'dont_know', label: t('Don’t know', 'Je ne sais pas'), missing: true }
	],
	wording: { mentor: t('How often?', 'À quelle fréquence?') }
};
const modes: ItemDocument = {
	...frequency,
	key: 'contact_modes',
	label: null,
	type: 'multi',
	direction: null,
	options: [
		{ value: 'in_person', label: t('In person', 'En personne') },
		{ value: 'video', label: t('Video call', 'Appel vidéo') },
		{ value: 'phone', label: t('Phone', 'Téléphone') }
	],
	wording: {
		staff: t('How should pairs meet?', 'Comment les duos devraient-ils se rencontrer?'),
		mentor: t('How do you want to meet?', 'Comment voulez-vous vous rencontrer?')
	}
};
const hours: ItemDocument = {
	...frequency,
	key: 'contact_hours',
	label: t('Hours a month', 'Heures par mois'),
	type: 'number',
	direction: null,
	options: undefined,
	number: { unit: t('hours', 'heures'), min: 0, max: 40, step: 0.5 }
};
const contact: ConstructDocument = {
	key: 'contact',
	name: t('Contact', 'Les contacts'),
	weight: 1,
	items: [frequency, modes, hours]
};

function worded(
	constructs: ConstructDocument[],
	viewerRole: PairRole,
	mine: AnswerSet,
	partner: AnswerSet,
	locale: 'en' | 'fr'
) {
	return wordGuide(conversationGuide({ constructs, viewerRole, mine, partner }), locale, locale);
}

/** The sentence as read, with French non-breaking spaces made plain for comparison. */
const sentenceOf = (topic: WordedTopic) => (topic.label + topic.rest).replace(/\u00a0/g, ' ');

describe('the guide in words', () => {
	it.each([
		[
			'protege',
			'en',
			'Meeting frequency: you chose “Every week”; your mentor chose “Every two weeks”.'
		],
		[
			'mentor',
			'en',
			'Meeting frequency: you chose “Every week”; your mentee chose “Every two weeks”.'
		],
		[
			'protege',
			'fr',
			'Fréquence des rencontres : vous avez choisi « Chaque semaine »; votre mentor a choisi « Toutes les deux semaines ».'
		],
		[
			'mentor',
			'fr',
			'Fréquence des rencontres : vous avez choisi « Chaque semaine »; votre mentoré·e a choisi « Toutes les deux semaines ».'
		]
	] as const)('a %s reading %s sees a difference as a sentence', (role, locale, sentence) => {
		const guide = worded(
			[contact],
			role,
			{ contact_frequency: ['2'] },
			{ contact_frequency: ['3'] },
			locale
		);
		const topic = guide.differences[0]!.topics[0]!;
		expect(topic.label).toBe(frequency.label![locale]);
		expect(sentenceOf(topic)).toBe(sentence);
	});

	it.each([
		[
			'en',
			'contact_modes',
			['phone', 'video'],
			['video', 'phone'],
			'How should pairs meet?: you both chose “Video call” and “Phone”.'
		],
		[
			'fr',
			'contact_modes',
			['in_person', 'video', 'phone'],
			['phone', 'video', 'in_person'],
			'Comment les duos devraient-ils se rencontrer? : vous avez tous les deux choisi « En personne », « Appel vidéo » et « Téléphone ».'
		],
		['en', 'contact_hours', ['2.5'], ['2.5'], 'Hours a month: you both chose “2.5 hours”.'],
		[
			'fr',
			'contact_hours',
			['2.5'],
			['2.5'],
			'Heures par mois : vous avez tous les deux choisi « 2,5 heures ».'
		],
		[
			'en',
			'contact_hours',
			['6'],
			['7'],
			'Hours a month: you chose “6 hours”; your mentor chose “7 hours”.'
		]
	] as const)('%s: agreement on %s', (locale, key, mine, partner, sentence) => {
		const guide = worded([contact], 'protege', { [key]: mine }, { [key]: partner }, locale);
		expect(guide.differences).toEqual([]);
		expect(sentenceOf(guide.agreements[0]!.topics[0]!)).toBe(sentence);
	});

	it.each([
		['contact', 'en', 'Agree on how and how often you will meet'],
		['focus', 'en', 'Talk about which topics matter most'],
		['roles', 'fr', 'Entendez-vous sur qui fait quoi'],
		['something_new', 'en', 'Talk about these answers and find what works for both of you.'],
		['something_new', 'fr', 'Parlez de ces réponses']
	] as const)('a %s difference in %s comes with a prompt to talk', (key, locale, prompt) => {
		const guide = worded(
			[{ ...contact, key }],
			'mentor',
			{ contact_frequency: ['1'] },
			{ contact_frequency: ['4'] },
			locale
		);
		expect(guide.differences[0]).toMatchObject({ key, title: contact.name[locale] });
		expect(guide.differences[0]!.prompt).toContain(prompt);
	});

	it.each([
		[['1'], ['2'], false],
		[['1'], ['3'], true],
		[['1'], ['4'], true]
	])('%j against %j: a big difference is %s', (mine, partner, large) => {
		const guide = worded(
			[contact],
			'mentor',
			{ contact_frequency: mine },
			{ contact_frequency: partner },
			'en'
		);
		expect(guide.differences[0]!.topics[0]!.large).toBe(large);
	});
});
