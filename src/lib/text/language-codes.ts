import { foldForSearch } from './search-fold';

/**
 * Languages whose names are understood in English, in French and in the language itself:
 * the ones newcomers to Canada most often speak, the survey languages shipped (Simplified
 * Chinese and Tagalog among them) and the languages of Canada. Any other two-letter code that
 * the runtime can name is accepted as a code.
 */
export const KNOWN_LANGUAGES: readonly string[] = (
	'en fr ar fa es zh zh-hans zh-hant yue pa tl uk ru pt it de nl pl ro hu cs sk hr sr bs sq bg el tr ' +
	'ku ps ur hi bn ta te ml gu mr ne si he am ti so sw om ha yo ig rw rn ln wo ff ht vi th km lo ' +
	'my ms id ja ko ka hy az uz kk mn iu cr'
).split(' ');

const known = new Set(KNOWN_LANGUAGES);

/** Names people write that the runtime does not give: "Farsi" is Persian, "Tagalog" Filipino. */
const OTHER_NAMES: Record<string, string> = {
	farsi: 'fa',
	tagalog: 'tl',
	mandarin: 'zh',
	'mandarin chinese': 'zh',
	bengali: 'bn',
	panjabi: 'pa',
	penjabi: 'pa'
};

/** Case, accents, brackets and extra spaces aside: "Chinese (Simplified)" is "chinese simplified". */
function foldName(name: string): string {
	return foldForSearch(name.replace(/[()]/g, ' '), 'en');
}

function displayNames(locale: string, languageDisplay: 'dialect' | 'standard') {
	return new Intl.DisplayNames([locale], { type: 'language', fallback: 'none', languageDisplay });
}

let codeByName: Map<string, string> | null = null;

/** Every name of the known languages in English, French and their own words, built once. */
function namesToCodes(): Map<string, string> {
	if (codeByName) return codeByName;
	const map = new Map<string, string>();
	const add = (name: string | undefined, code: string) => {
		const key = name && foldName(name);
		if (key && !map.has(key)) map.set(key, code);
	};
	const namers = ['en', 'fr'].flatMap((locale) => [
		displayNames(locale, 'dialect'),
		displayNames(locale, 'standard')
	]);
	for (const code of KNOWN_LANGUAGES) for (const namer of namers) add(namer.of(code), code);
	for (const code of KNOWN_LANGUAGES) add(displayNames(code, 'dialect').of(code), code);
	for (const [name, code] of Object.entries(OTHER_NAMES)) add(name, code);
	codeByName = map;
	return map;
}

const englishNames = displayNames('en', 'dialect');

/**
 * The code a BCP 47 tag stands for here: a known tag as it is ("zh-hans"), else its language
 * ("es-MX" is "es", "ara" is "ar"); any other language the runtime can name by its two-letter
 * code. Tagalog stays `tl`, the survey language's code, though the runtime calls it `fil`.
 */
function codeOfTag(word: string): string | null {
	let canonical: string;
	try {
		[canonical = ''] = Intl.getCanonicalLocales(word.replace(/_/g, '-'));
	} catch {
		return null;
	}
	const tag = canonical.toLowerCase();
	if (known.has(tag)) return tag;
	const language = new Intl.Locale(canonical).language;
	const base = language === 'fil' ? 'tl' : language;
	if (known.has(base)) return base;
	return /^[a-z]{2}$/.test(base) && englishNames.of(base) !== undefined ? base : null;
}

/** The code of one language written as a code or a name; null when it is neither. */
export function languageCode(word: string): string | null {
	const typed = word.trim().toLowerCase();
	if (known.has(typed)) return typed;
	return namesToCodes().get(foldName(word)) ?? codeOfTag(typed);
}

export type LanguageList = { ok: true; codes: string[] } | { ok: false; unknown: string };

/**
 * "Arabic, es; espagnol" as codes, each once, in the order written: `ar,es`. Commas or
 * semicolons separate; the first word that is no language is returned as written.
 */
export function parseLanguageList(text: string): LanguageList {
	const codes: string[] = [];
	for (const word of text.split(/[,;]/)) {
		if (word.trim() === '') continue;
		const code = languageCode(word);
		if (code === null) return { ok: false, unknown: word.trim() };
		if (!codes.includes(code)) codes.push(code);
	}
	return { ok: true, codes };
}

/** The codes of a stored list ("ar,es"); none for ''. */
export function splitLanguages(stored: string): string[] {
	return stored.split(',').filter((code) => code !== '');
}

/**
 * Codes as the reader writes them ("Arabic, Spanish"), so the text reads back to the same codes;
 * a language known only by its code stays a code.
 */
export function languageListText(codes: readonly string[], locale: string): string {
	const namer = displayNames(locale, 'dialect');
	return codes.map((code) => (known.has(code) && namer.of(code)) || code).join(', ');
}
