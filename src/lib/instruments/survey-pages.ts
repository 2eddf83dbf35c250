import type { InstrumentDocument, ItemType, LocalizedText, Role, Wave } from './types';

/** One question as a participant of one role sees it, in one language. */
export interface SurveyQuestion {
	key: string;
	type: ItemType;
	text: string;
	/** The question in the program's language too, when the program shows both; else null. */
	textAlso: { text: string; language: string } | null;
	/** The item's short name ("Job leads and referrals"), for error messages; '' when it has none. */
	label: string;
	hint: string | null;
	required: boolean;
	options: { value: string; label: string; missing: boolean }[];
	number: { unit: string; min: number; max: number; step: number } | null;
}

export interface SurveyPage {
	constructKey: string;
	title: string;
	intro: string | null;
	questions: SurveyQuestion[];
}

/** Text in the language asked for, else in the instrument's first language that has it. */
export function pick(
	text: LocalizedText | null | undefined,
	language: string,
	languages: string[]
): string {
	if (!text) return '';
	if (text[language]?.trim()) return text[language]!;
	for (const other of languages) if (text[other]?.trim()) return text[other]!;
	return '';
}

/**
 * The pages of one wave for one role: one construct per page, only the items asked of that
 * role, constructs with nothing to ask left out.
 */
export function surveyPages(
	doc: InstrumentDocument,
	role: Role,
	wave: Wave,
	language: string,
	alsoIn: string | null = null
): SurveyPage[] {
	const say = (text: LocalizedText | null | undefined) => pick(text, language, doc.languages);
	const sayAlso = (text: LocalizedText | undefined) => {
		const also = alsoIn ? pick(text, alsoIn, doc.languages) : '';
		return also ? { text: also, language: alsoIn! } : null;
	};
	return doc.constructs
		.map((construct) => ({
			constructKey: construct.key,
			title: say(construct.name),
			intro: construct.intro ? say(construct.intro) || null : null,
			questions: construct.items
				.filter((item) => item.wave === wave && item.wording[role])
				.map((item) => ({
					key: item.key,
					type: item.type,
					text: say(item.wording[role]),
					textAlso: sayAlso(item.wording[role]),
					label: say(item.label),
					hint: item.hint ? say(item.hint) || null : null,
					required: item.required,
					options: (item.options ?? []).map((o) => ({
						value: o.value,
						label: say(o.label),
						missing: !!o.missing
					})),
					number: item.number
						? {
								unit: say(item.number.unit),
								min: item.number.min,
								max: item.number.max,
								step: item.number.step ?? 1
							}
						: null
				}))
		}))
		.filter((page) => page.questions.length > 0);
}
