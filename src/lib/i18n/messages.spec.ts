import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';

const read = (locale: string) =>
	JSON.parse(readFileSync(new URL(`./messages/${locale}.json`, import.meta.url), 'utf8')) as Record<
		string,
		string | object[]
	>;

describe('UI messages', () => {
	it.each([
		['protégé·e'],
		['ou la protégé'],
		['personne protégée'],
		['Tournée'],
		['tournée'],
		['Correct']
	])('French messages follow the glossary (GLOSSARY.md): no “%s”', (word) => {
		const french = Object.values(read('fr')).map((value) => JSON.stringify(value));
		expect(french.filter((text) => text.includes(word))).toEqual([]);
	});

	it.each(['en', 'fr'])(
		'defines each message once in %s.json (a repeated key silently wins)',
		(locale) => {
			const text = readFileSync(new URL(`./messages/${locale}.json`, import.meta.url), 'utf8');
			const keys = [...text.matchAll(/^\t"([^"]+)":/gm)].map((match) => match[1]);
			expect(keys.length).toBeGreaterThan(500);
			expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
		}
	);

	it('renders French strings (the message plugin loaded and compiled them)', () => {
		expect(m.signin_title({}, { locale: 'fr' })).toBe('Connexion');
		expect(m.error_too_long({ max: 200 }, { locale: 'fr' })).toBe(
			'Utilisez 200 caractères ou moins'
		);
		expect(m.signin_title({}, { locale: 'en' })).toBe('Sign in');
	});

	it('says one or several as each language does', () => {
		expect(m.csv_confirm_button({ count: 1 }, { locale: 'en' })).toBe('Import 1 participant');
		expect(m.csv_confirm_button({ count: 2 }, { locale: 'en' })).toBe('Import 2 participants');
		expect(m.csv_confirm_button({ count: 0 }, { locale: 'en' })).toBe('Import 0 participants');
		// French counts 0 and 1 as one.
		expect(m.csv_confirm_button({ count: 0 }, { locale: 'fr' })).toBe('Importer 0 participant');
		expect(m.round_opened_notice({ count: 1 }, { locale: 'fr' })).toBe(
			'Vague ouverte : 1 personne sollicitée.'
		);
		expect(m.privacy_retention_current({ months: 1 }, { locale: 'en' })).toBe(
			'Now: anonymise 1 month after a program closes.'
		);
		expect(m.privacy_retention_current({ months: 1 }, { locale: 'fr' })).toContain('1 mois');
	});

	it('has every English message in French too, and no empty one', () => {
		const en = read('en');
		const fr = read('fr');
		expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
		for (const [key, text] of Object.entries(fr)) expect(text, key).not.toBe('');
	});
});
