import { missingTranslations } from './translation';
import type { InstrumentDocument } from './types';

// Documents are never changed in place (edits make a new one), so an answer per document holds.
const completeness = new WeakMap<InstrumentDocument, Map<string, boolean>>();

/** Whether every text of the instrument exists in this language, so it can be offered. */
export function isComplete(doc: InstrumentDocument, language: string): boolean {
	let known = completeness.get(doc);
	if (!known) completeness.set(doc, (known = new Map()));
	let complete = known.get(language);
	if (complete === undefined) {
		complete = doc.languages.includes(language) && missingTranslations(doc, language).length === 0;
		known.set(language, complete);
	}
	return complete;
}

/** A program's say in which language its surveys are shown. */
export interface LanguagePolicy {
	/** The languages the program offers, in its order. */
	offered: readonly string[];
	/** The program's own language (English or French). */
	defaultLanguage: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The languages a participant may read this instrument in: those the program offers that the
 * instrument has in full, as the instrument spells them.
 */
export function offeredLanguages(doc: InstrumentDocument, policy: LanguagePolicy): string[] {
	return policy.offered
		.map((code) => doc.languages.find((language) => same(language, code)))
		.filter((language): language is string => !!language && isComplete(doc, language));
}

/**
 * The language one person's survey is shown in: theirs when the program offers it and the
 * instrument has it in full, else the program's, else the instrument's first.
 */
export function surveyLanguage(
	doc: InstrumentDocument,
	policy: LanguagePolicy,
	personLanguage: string
): string {
	const offered = offeredLanguages(doc, policy);
	return (
		offered.find((language) => same(language, personLanguage)) ??
		doc.languages.find((language) => same(language, policy.defaultLanguage)) ??
		doc.languages[0]!
	);
}
