/** What identifies a person in free text: their name (whole and by parts), email and phone. */
export interface Identity {
	name: string;
	email: string;
	phone: string | null;
}

export const REDACTED = '[erased]';

/** Shorter name parts ("Li", "de") are too often ordinary words to remove on sight. */
const MIN_NAME_PART = 3;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One case-insensitive pattern for every way the people may be written: longest first, so a
 * full name goes as one piece, and only whole words, so "Ana" leaves "banana" alone. Without
 * `nameParts`, only full names, emails and phones: for text about more than this program.
 */
export function identityPattern(
	identities: Identity[],
	{ nameParts = true }: { nameParts?: boolean } = {}
): RegExp | null {
	const pieces = identities.flatMap((identity) => {
		const name = identity.name.normalize('NFC').trim().replace(/\s+/g, ' ');
		const parts = nameParts ? name.split(/[\s\-\u2010-\u2015]+/) : [];
		return [name, identity.email.trim(), identity.phone?.trim() ?? '', ...parts];
	});
	const alternatives = [...new Set(pieces.filter((p) => [...p].length >= MIN_NAME_PART))]
		.sort((a, b) => b.length - a.length)
		.map((piece) => escapeRegExp(piece).replace(/ /g, '\\s+'));
	if (alternatives.length === 0) return null;
	return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export function redactIdentity(text: string, pattern: RegExp | null): string {
	return pattern ? text.normalize('NFC').replace(pattern, REDACTED) : text;
}

export function mentionsIdentity(text: string, pattern: RegExp | null): boolean {
	if (!pattern) return false;
	pattern.lastIndex = 0;
	const found = pattern.test(text.normalize('NFC'));
	pattern.lastIndex = 0;
	return found;
}
