import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { SurveyPage, SurveyQuestion } from '$lib/instruments/survey-pages';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import SurveyForm from './SurveyForm.svelte';

const question = (key: string, type: SurveyQuestion['type'], options: string[] = []) => ({
	key,
	type,
	text: `Question ${key}`,
	textAlso: null,
	label: key,
	hint: null,
	required: true,
	options: options.map((value) => ({ value, label: `Option ${value}`, missing: false })),
	number: type === 'number' ? { unit: 'hours', min: 0, max: 40, step: 1 } : null
});

const page: SurveyPage = {
	constructKey: 'goals',
	title: 'Your goals',
	intro: null,
	questions: [
		question('often', 'choice', ['1', '2', '3']),
		question('ways', 'multi', ['video', 'phone', 'visit']),
		question('hours', 'number'),
		question('hopes', 'text')
	]
};

const typed = {
	often: ['2'],
	ways: ['phone', 'visit'],
	hours: ['12'],
	hopes: ['Practise interviews & meet "real" employers']
};

/** The page as the server sends it to a browser, which needs no JavaScript to show it. */
function renderPage(locale: Locale, form: { notSaved?: boolean; answers?: typeof typed } | null) {
	overwriteGetLocale(() => locale);
	const data = {
		page,
		pageNumber: 2,
		pageCount: 5,
		language: locale,
		dir: 'ltr' as const,
		open: true,
		answers: { often: ['1'], hopes: ['An older saved answer'] }
	};
	return render(SurveyForm, { props: { data, form } }).body;
}

const alertOf = (html: string) => html.match(/<div[^>]*role="alert"[^>]*>([\s\S]*?)<\/div>/)?.[1];

describe('SurveyForm after a save the server could not store', () => {
	it.each([
		['en', 'Your answers on this page were not saved', 'They are still in the form below'],
		['fr', 'Vos réponses de cette page n’ont pas été enregistrées', 'toujours dans le formulaire']
	] as const)('says in %s that nothing was saved', (locale, title, body) => {
		const alert = alertOf(renderPage(locale, { notSaved: true, answers: typed }));
		expect(alert).toContain(title);
		expect(alert).toContain(body);
	});

	it('shows the form again with everything typed, not what was saved before', () => {
		const html = renderPage('en', { notSaved: true, answers: typed });
		const checked = [...html.matchAll(/<input[^>]*name="(\w+)"[^>]*value="(\w+)"[^>]*checked/g)];
		expect(checked.map(([, name, value]) => `${name}=${value}`)).toEqual([
			'often=2',
			'ways=phone',
			'ways=visit'
		]);
		expect(html).toMatch(/<input[^>]*name="hours"[^>]*value="12"/);
		expect(html).toMatch(
			/<textarea[^>]*name="hopes"[^>]*>Practise interviews &amp; meet "real" employers<\/textarea>/
		);
		expect(html).not.toContain('An older saved answer');
		expect(html).toMatch(/<form method="POST"/);
	});

	it('has no alert when the page is first shown', () => {
		expect(alertOf(renderPage('en', null))).toBeUndefined();
	});
});
