/**
 * A name as a search compares it: no accents, no case, single spaces, so "belanger" finds
 * "Bélanger" and "BÉLANGER".
 */
export function foldForSearch(text: string, locale: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLocaleLowerCase(locale)
		.replace(/\s+/g, ' ')
		.trim();
}
