/**
 * Intl formatters take a fraction of a millisecond each to build and are safe to share, and a page
 * can word hundreds of dates and numbers: one formatter per kind, locale and options, kept.
 */
const formatters = new Map<string, unknown>();

function kept<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
	const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ''}`;
	let formatter = formatters.get(key) as T | undefined;
	if (formatter === undefined) {
		formatter = make();
		formatters.set(key, formatter);
	}
	return formatter;
}

/**
 * Dates are written the Canadian way in English and French; other languages keep their own order
 * and words, with the digits their messages use (0–9).
 */
export function regionalLocale(locale: string): string {
	if (locale === 'fr' || locale === 'en') return `${locale}-CA`;
	return `${locale}-u-nu-latn`;
}

export function dateTimeFormat(
	locale: string,
	options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
	return kept('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(
	locale: string,
	options?: Intl.NumberFormatOptions
): Intl.NumberFormat {
	return kept('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function pluralRules(locale: string): Intl.PluralRules {
	return kept('plural', locale, undefined, () => new Intl.PluralRules(locale));
}

/** Names in the reader's order, numbers by value ("Cohort 2" before "Cohort 10"). */
export function collator(locale: string): Intl.Collator {
	return kept('collator', locale, undefined, () => new Intl.Collator(locale, { numeric: true }));
}

export function listFormat(locale: string, options: Intl.ListFormatOptions): Intl.ListFormat {
	return kept('list', locale, options, () => new Intl.ListFormat(locale, options));
}
