import { describe, expect, it } from 'vitest';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { explainMatch } from '$lib/alignment/match-explanation';
import { matchTopicSentence, sameFieldSentence, sharedLanguageSentence } from './match-words';

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
		{ value: '1', label: t('Every week', 'Chaque semaine') },
		{ value: '2', label: t('Every two weeks', 'Toutes les deux semaines') },
		{ value: '3', label: t('Every month', 'Chaque mois') },
		{ value: 'dont_know', label: t('Don’t know', 'Je ne sais pas'), missing: true }
	],
	wording: { mentor: t('How often?', 'À quelle fréquence?') }
};
const referrals: ItemDocument = {
	...frequency,
	key: 'focus_referrals',
	label: t('Job leads and referrals', 'Pistes d’emploi et recommandations'),
	critical: true,
	direction: 'ascending',
	options: [
		{ value: '1', label: t('Not important', 'Pas important') },
		{ value: '2', label: t('Important', 'Important') },
		{ value: '3', label: t('Very important', 'Très important') }
	]
};
const modes: ItemDocument = {
	...frequency,
	key: 'contact_modes',
	label: t('Ways of meeting', 'Façons de se rencontrer'),
	type: 'multi',
	direction: null,
	options: [
		{ value: 'in_person', label: t('In person', 'En personne') },
		{ value: 'video', label: t('Video call', 'Appel vidéo') }
	]
};
const constructs: ConstructDocument[] = [
	{ key: 'contact', name: t('Contact', 'Contact'), weight: 1, items: [frequency, modes, referrals] }
];

// Mentor and protégé agree on meeting every two weeks, by video and in person; the protégé
// expects referrals to matter a lot (3), the mentor not at all (1).
const mentor = {
	contact_frequency: ['2'],
	contact_modes: ['video', 'in_person'],
	focus_referrals: ['1']
};
const protege = {
	contact_frequency: ['2'],
	contact_modes: ['in_person', 'video'],
	focus_referrals: ['3']
};

describe('why a mentor and a protégé fit, in words', () => {
	const explanation = explainMatch(constructs, mentor, protege);
	const sentences = (language: string) => ({
		agreements: explanation.agreements.map((topic) => matchTopicSentence(topic, language)),
		differences: explanation.differences.map((topic) => matchTopicSentence(topic, language))
	});

	it('says what both chose and where they part, in English', () => {
		expect(sentences('en')).toEqual({
			agreements: [
				'Meeting frequency: both chose “Every two weeks”.',
				'Ways of meeting: both chose “In person” and “Video call”.'
			],
			differences: [
				'Job leads and referrals: the protégé chose “Very important”; the mentor chose “Not important”.'
			]
		});
	});

	// French quotes hold their text with no-break spaces, as the conversation guide writes them.
	it('and in French', () => {
		expect(sentences('fr')).toEqual({
			agreements: [
				'Fréquence des rencontres : les deux ont choisi «\u00a0Toutes les deux semaines\u00a0».',
				'Façons de se rencontrer : les deux ont choisi «\u00a0En personne\u00a0» et «\u00a0Appel vidéo\u00a0».'
			],
			differences: [
				'Pistes d’emploi et recommandations : la personne mentorée a choisi «\u00a0Très important\u00a0»; le mentor a choisi «\u00a0Pas important\u00a0».'
			]
		});
	});

	it('names a shared field and a shared language', () => {
		expect(sameFieldSentence('Healthcare', 'en')).toBe('Both work in Healthcare.');
		expect(sameFieldSentence('Santé', 'fr')).toBe('Les deux travaillent dans ce domaine : Santé.');
		expect(sharedLanguageSentence('ar', 'en')).toBe('Both speak Arabic.');
		expect(sharedLanguageSentence('ar', 'fr')).toBe('Les deux parlent cette langue : arabe.');
		expect(sharedLanguageSentence('not-a-code!', 'en')).toBe('Both speak not-a-code!.');
	});
});
