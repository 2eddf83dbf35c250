import { afterEach, describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '$lib/instruments/survey-pages';
import { getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { problemMessages } from './page-messages';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));
const speak = (locale: Locale) => overwriteGetLocale(() => locale);

const question = (key: string, type: SurveyQuestion['type'], label: string): SurveyQuestion => ({
	key,
	type,
	text: `A long question about ${label.toLowerCase()} that would be cut if it were used whole in the summary?`,
	textAlso: null,
	label,
	hint: null,
	required: true,
	options: [],
	number: type === 'number' ? { unit: 'h', min: 0, max: 40, step: 0.5 } : null
});
const page = [
	question('leads', 'scale', 'Job leads and referrals'),
	question('modes', 'multi', 'Ways of meeting'),
	question('hours', 'number', 'Hours per month'),
	question('notes', 'text', 'Anything else'),
	question('team', 'choice', '')
];

describe('survey error messages', () => {
	it.each([
		[
			'en',
			{
				leads: 'Choose an answer for “Job leads and referrals”',
				modes: 'Choose at least one answer for “Ways of meeting”',
				hours: 'Enter a number for “Hours per month”',
				notes: 'Write an answer for “Anything else”',
				team: 'Choose an answer for “question 5”'
			}
		],
		[
			'fr',
			{
				leads: 'Choisissez une réponse pour « Job leads and referrals »',
				modes: 'Choisissez au moins une réponse pour « Ways of meeting »',
				hours: 'Entrez un nombre pour « Hours per month »',
				notes: 'Écrivez une réponse pour « Anything else »',
				team: 'Choisissez une réponse pour « question 5 »'
			}
		]
	] as const)('name what to do and which question, in %s', (locale, expected) => {
		speak(locale);
		const required = Object.fromEntries(page.map((q) => [q.key, 'required' as const]));
		expect(problemMessages(page, required)).toEqual(expected);
	});

	it('say what is wrong with an answer given', () => {
		expect(problemMessages(page, { leads: 'option', hours: 'number', notes: 'too_long' })).toEqual({
			leads: 'Choose one of the answers shown for “Job leads and referrals”',
			hours: 'Enter a number from 0 to 40 for “Hours per month”',
			notes: 'Shorten your answer for “Anything else” to 4,000 characters or fewer'
		});
	});
});
