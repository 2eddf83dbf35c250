import { localized } from '$lib/labels';
import type { ItemDocument } from './types';

/**
 * A short name for an item in the reader's language: its label, or else the staff wording of
 * the question (then any role's), or else its key.
 */
export function itemLabel(item: ItemDocument, language: string): string {
	const label = localized(item.label, language);
	if (label) return label;
	const wording = item.wording.staff ?? Object.values(item.wording)[0];
	return localized(wording, language) || item.key;
}
