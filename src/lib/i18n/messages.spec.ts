import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';

const read = (locale: string) =>
	JSON.parse(readFileSync(new URL(`./messages/${locale}.json`, import.meta.url), 'utf8')) as Record<
		string,
		string
	>;

describe('UI messages', () => {
	it('renders French strings (the message plugin loaded and compiled them)', () => {
		expect(m.signin_title({}, { locale: 'fr' })).toBe('Connexion');
		expect(m.error_too_long({ max: 200 }, { locale: 'fr' })).toBe(
			'Utilisez 200 caractères ou moins'
		);
		expect(m.signin_title({}, { locale: 'en' })).toBe('Sign in');
	});

	it('has every English message in French too, and no empty one', () => {
		const en = read('en');
		const fr = read('fr');
		expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
		for (const [key, text] of Object.entries(fr)) expect(text, key).not.toBe('');
	});
});
