import { baseLocale, isLocale, type Locale } from '$lib/paraglide/runtime';

/** A language code as a UI locale; languages the interface does not speak read the base locale. */
export function toLocale(language: string): Locale {
	return isLocale(language) ? language : baseLocale;
}
