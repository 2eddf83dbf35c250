import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import MatchingSettings from './MatchingSettings.svelte';
import ParticipantForm from './ParticipantForm.svelte';

function settings(locale: Locale, props: Partial<Parameters<typeof MatchingSettings>[1]> = {}) {
	overwriteGetLocale(() => locale);
	return render(MatchingSettings, {
		props: {
			fields: 'Santé\nGénie',
			fieldRule: 'must',
			languageRule: 'bonus',
			errors: undefined,
			...props
		}
	}).body;
}

const checked = (html: string) =>
	[...html.matchAll(/<input[^>]*name="(\w+)"[^>]*value="(\w+)"[^>]*checked/g)].map(
		([, name, value]) => `${name}=${value}`
	);

describe('MatchingSettings', () => {
	it('shows the fields one per line and the saved choice of each rule', () => {
		const html = settings('en');
		expect(html).toMatch(/<textarea[^>]*name="fields"[^>]*>Santé\nGénie<\/textarea>/);
		expect(checked(html)).toEqual(['fieldRule=must', 'languageRule=bonus']);
	});

	it.each([
		[
			'en',
			'Suggestions prefer a mentor in the same field.',
			'Only mentors in the same field are suggested.'
		],
		[
			'fr',
			'Les suggestions préfèrent un mentor du même domaine.',
			'Seuls les mentors du même domaine sont suggérés.'
		]
	] as const)('says in %s what each choice does for suggestions', (locale, bonus, must) => {
		const html = settings(locale);
		expect(html).toContain(bonus);
		expect(html).toContain(must);
	});

	it('puts a message beside the fields and takes a rule it does not know as “not used”', () => {
		const html = settings('en', {
			fieldRule: 'sometimes',
			errors: { fields: '“A” and “a” are the same field: keep one' }
		});
		expect(html).toContain('id="field-fields-error"');
		expect(html).toContain('“A” and “a” are the same field: keep one');
		expect(checked(html)).toEqual(['fieldRule=off', 'languageRule=bonus']);
	});
});

function participantForm(fields: string[], values: Record<string, string>) {
	overwriteGetLocale(() => 'en');
	return render(ParticipantForm, {
		props: {
			values: { role: 'mentor', ...values },
			errors: undefined,
			employers: [],
			fields,
			languages: ['en', 'fr'],
			submitLabel: 'Save'
		}
	}).body;
}

describe('ParticipantForm', () => {
	it('offers the program’s fields with “Not set”, the chosen one selected', () => {
		const html = participantForm(['Santé', 'Génie'], {
			field: 'Génie',
			capacity: '3',
			languages: 'Arabic'
		});
		const select = html.match(/<select[^>]*name="field"[^>]*>([\s\S]*?)<\/select>/)![1]!;
		const options = [...select.matchAll(/<option value="([^"]*)"( selected)?[^>]*>([^<]*)</g)];
		expect(options.map(([, value, selected, label]) => [value, !!selected, label])).toEqual([
			['', false, 'Not set'],
			['Santé', false, 'Santé'],
			['Génie', true, 'Génie']
		]);
		expect(html).toMatch(/<input[^>]*name="capacity"[^>]*value="3"/);
		expect(html).toMatch(/<input[^>]*name="languages"[^>]*value="Arabic"/);
	});

	it('has no field list when the program has no fields, and keeps a field no longer listed', () => {
		expect(participantForm([], {})).not.toContain('name="field"');
		expect(participantForm(['Génie'], { field: 'Santé' })).toMatch(
			/<option value="Santé" selected[^>]*>Santé \(no longer in the program’s list\)</
		);
	});
});
