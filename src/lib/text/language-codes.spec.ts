import { describe, expect, it } from 'vitest';
import {
	KNOWN_LANGUAGES,
	languageCode,
	languageListText,
	parseLanguageList,
	splitLanguages
} from './language-codes';

describe('languageCode', () => {
	it.each([
		['Arabic', 'ar'],
		['arabe', 'ar'],
		['ARABIC', 'ar'],
		['  Espagnol ', 'es'],
		['español', 'es'],
		['Persian', 'fa'],
		['Farsi', 'fa'],
		['persan', 'fa'],
		['Simplified Chinese', 'zh-hans'],
		['Chinese (Simplified)', 'zh-hans'],
		['chinois simplifié', 'zh-hans'],
		['chinois simplifie', 'zh-hans'],
		['Chinese', 'zh'],
		['Mandarin', 'zh'],
		['Punjabi', 'pa'],
		['pendjabi', 'pa'],
		['Tagalog', 'tl'],
		['Filipino', 'tl'],
		['Ukrainian', 'uk'],
		['ukrainien', 'uk'],
		['українська', 'uk'],
		['Français', 'fr'],
		['anglais', 'en'],
		['Créole haïtien', 'ht'],
		['Inuktitut', 'iu']
	])('reads the name %s as %s', (name, code) => {
		expect(languageCode(name)).toBe(code);
	});

	it.each([
		['ar', 'ar'],
		['ES', 'es'],
		['zh-Hans', 'zh-hans'],
		['zh_Hans', 'zh-hans'],
		['ZH-HANT', 'zh-hant'],
		['es-MX', 'es'],
		['fr-CA', 'fr'],
		['pa-Guru', 'pa'],
		['fil', 'tl'],
		['tl', 'tl'],
		['ara', 'ar'],
		['yue', 'yue'],
		['no', 'no'],
		['cy', 'cy']
	])('reads the code %s as %s', (typed, code) => {
		expect(languageCode(typed)).toBe(code);
	});

	it.each(['Klingonese', 'xx', 'english french', 'the', 'a'])('knows no language "%s"', (word) => {
		expect(languageCode(word)).toBeNull();
	});

	it('reads every known language back from its English and French name', () => {
		for (const locale of ['en', 'fr']) {
			const names = new Intl.DisplayNames([locale], { type: 'language' });
			const misread = KNOWN_LANGUAGES.filter((code) => languageCode(names.of(code)!) !== code);
			expect(misread).toEqual([]);
		}
	});
});

describe('parseLanguageList', () => {
	it('turns names and codes into codes, each once, in the order written', () => {
		expect(parseLanguageList('Arabic, es; espagnol,  , Ukrainien')).toEqual({
			ok: true,
			codes: ['ar', 'es', 'uk']
		});
	});

	it('reads an empty text as no languages', () => {
		expect(parseLanguageList('  ')).toEqual({ ok: true, codes: [] });
	});

	it('names the first word that is no language, as written', () => {
		expect(parseLanguageList('Arabic, Elvish , Dothraki')).toEqual({
			ok: false,
			unknown: 'Elvish'
		});
	});
});

describe('languageListText', () => {
	it('writes known languages by name in the reader’s language, others by code', () => {
		expect(languageListText(['ar', 'zh-hans', 'cy'], 'en')).toBe('Arabic, Simplified Chinese, cy');
		expect(languageListText(['ar', 'es'], 'fr')).toBe('arabe, espagnol');
	});

	it('reads back to the same codes', () => {
		const codes = ['fa', 'zh-hans', 'tl', 'pa', 'uk'];
		for (const locale of ['en', 'fr'])
			expect(parseLanguageList(languageListText(codes, locale))).toEqual({ ok: true, codes });
	});
});

describe('splitLanguages', () => {
	it('splits a stored list and reads an empty one as none', () => {
		expect(splitLanguages('ar,es')).toEqual(['ar', 'es']);
		expect(splitLanguages('')).toEqual([]);
	});
});
