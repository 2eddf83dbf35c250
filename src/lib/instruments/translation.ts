import type { InstrumentDocument, LocalizedText } from './types';
import { ROLES } from './types';

/**
 * Every text of an instrument under a stable key, so one language can travel to a translator and
 * back: `instrument.name`, `topic.contact.intro`, `item.contact_frequency.protege`,
 * `item.contact_frequency.option.monthly`, `item.contact_hours.unit`…
 */
export interface TranslationEntry {
	key: string;
	/** Where the text appears, in words a translator understands. */
	context: string;
	/** The text in the source language (the instrument's first). */
	source: string;
	/** The text in the target language ('' when not yet translated). */
	text: string;
}

interface TextSlot {
	key: string;
	context: string;
	text: LocalizedText;
}

const ROLE_WORDS = {
	mentor: 'mentors',
	protege: 'protégés (newcomers)',
	employer: 'employer partners',
	staff: 'program staff'
} as const;

/** The instrument's texts in document order, each with its key and context. */
function textSlots(doc: InstrumentDocument): TextSlot[] {
	const slots: TextSlot[] = [{ key: 'instrument.name', context: 'Survey name', text: doc.name }];
	if (doc.description) {
		slots.push({
			key: 'instrument.description',
			context: 'Survey description',
			text: doc.description
		});
	}
	for (const topic of doc.constructs) {
		const where = `topic “${topic.name[doc.languages[0]!] ?? topic.key}”`;
		slots.push({
			key: `topic.${topic.key}.name`,
			context: `Name of the ${where}`,
			text: topic.name
		});
		if (topic.intro) {
			slots.push({
				key: `topic.${topic.key}.intro`,
				context: `Sentence at the top of the ${where} page`,
				text: topic.intro
			});
		}
		for (const item of topic.items) {
			const at = `item ${item.key} (${item.wave} survey, ${where})`;
			const itemKey = `item.${item.key}`;
			if (item.label) {
				slots.push({
					key: `${itemKey}.label`,
					context: `Short name of the ${at}, used in reports`,
					text: item.label
				});
			}
			for (const role of ROLES) {
				const wording = item.wording[role];
				if (wording) {
					slots.push({
						key: `${itemKey}.${role}`,
						context: `Question asked to ${ROLE_WORDS[role]}, ${at}`,
						text: wording
					});
				}
			}
			if (item.hint) {
				slots.push({
					key: `${itemKey}.hint`,
					context: `Hint under the question, ${at}`,
					text: item.hint
				});
			}
			for (const option of item.options ?? []) {
				slots.push({
					key: `${itemKey}.option.${option.value}`,
					context: `Answer choice, ${at}`,
					text: option.label
				});
			}
			if (item.number) {
				slots.push({
					key: `${itemKey}.unit`,
					context: `Unit after a number answer (e.g. “3 hours a month”), ${at}`,
					text: item.number.unit
				});
				if (item.number.unitOne) {
					slots.push({
						key: `${itemKey}.unit_one`,
						context: `Unit after the number one (“1 hour a month”), ${at}`,
						text: item.number.unitOne
					});
				}
			}
		}
	}
	return slots;
}

/** One language of an instrument, entry by entry, beside its source language. */
export function translationEntries(doc: InstrumentDocument, language: string): TranslationEntry[] {
	const source = doc.languages[0]!;
	return textSlots(doc).map(({ key, context, text }) => ({
		key,
		context,
		source: text[source] ?? '',
		text: text[language] ?? ''
	}));
}

/** The keys whose text is still empty in this language: the language cannot be offered yet. */
export function missingTranslations(doc: InstrumentDocument, language: string): TranslationEntry[] {
	return translationEntries(doc, language).filter((entry) => entry.text.trim() === '');
}

/**
 * The document with one language's texts set from `texts` (keys as in `translationEntries`); keys
 * it does not know are ignored, texts it does not give are left as they are. The language is
 * added to the document's languages when new.
 */
export function applyTranslation(
	doc: InstrumentDocument,
	language: string,
	texts: Record<string, string>
): InstrumentDocument {
	const next = structuredClone(doc);
	if (!next.languages.includes(language)) next.languages.push(language);
	for (const slot of textSlots(next)) {
		const text = texts[slot.key];
		if (text !== undefined) slot.text[language] = text;
		else if (!(language in slot.text)) slot.text[language] = '';
	}
	return next;
}
