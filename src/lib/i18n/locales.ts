import { getLocale, locales, type Locale } from '$lib/paraglide/runtime';

/**
 * Two surfaces, two sets of languages: staff pages are English and French; everything a
 * participant sees (link landing, consent, survey pages, guide, e-mails) exists in every language
 * Tandem ships messages for.
 */
export const STAFF_LOCALES = ['en', 'fr'] as const;
export type StaffLocale = (typeof STAFF_LOCALES)[number];

export const PARTICIPANT_LOCALES: readonly Locale[] = locales;

export function isStaffLocale(value: string): value is StaffLocale {
	return (STAFF_LOCALES as readonly string[]).includes(value);
}

/** A language as staff pages can show it: English or French, English for any other. */
export function staffLocale(language: string): StaffLocale {
	const base = language.split('-')[0]!.toLowerCase();
	return isStaffLocale(base) ? base : 'en';
}

/**
 * The shipped participant locale for a language code, whatever its case or region: `zh-hans`
 * and `zh` are `zh-Hans`, `es-MX` is `es`; null when Tandem has no messages in that language.
 */
export function participantLocale(language: string): Locale | null {
	const tag = language.toLowerCase();
	const exact = PARTICIPANT_LOCALES.find((locale) => locale.toLowerCase() === tag);
	if (exact) return exact;
	const base = tag.split('-')[0]!;
	return PARTICIPANT_LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === base) ?? null;
}

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);

/** Which way a language is written. */
export function textDirection(language: string): 'rtl' | 'ltr' {
	return RIGHT_TO_LEFT.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** Names the runtime gets wrong for the way programs use them: `tl` is Tagalog, not Filipino. */
const OWN_NAMES: Record<string, Record<string, string>> = {
	tl: { tl: 'Tagalog', en: 'Tagalog', fr: 'tagalog' }
};

/**
 * A language's name in another language ("Arabic", "arabe") or, when `inLanguage` is left out, in
 * itself ("العربية", "français"), as the runtime writes it mid-sentence; its code when unknown.
 */
export function languageName(language: string, inLanguage: string = language): string {
	const own = OWN_NAMES[language]?.[inLanguage];
	if (own) return own;
	try {
		const names = new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'code' });
		return names.of(language) ?? language;
	} catch {
		return language;
	}
}

/** The language's own name as a heading or button starts: "Français", "Español", "العربية". */
export function ownLanguageName(language: string): string {
	const name = languageName(language);
	try {
		return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
	} catch {
		return name; // not a language tag: shown as typed
	}
}

/** This request's language on a staff page: English or French. */
export function getStaffLocale(): StaffLocale {
	return staffLocale(getLocale());
}
