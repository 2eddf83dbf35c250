import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { parseLanguageList } from '$lib/text/language-codes';
import { foldForSearch } from '$lib/text/search-fold';

export const MAX_PROGRAM_FIELDS = 30;
export const MAX_FIELD_LENGTH = 60;
export const MAX_CAPACITY = 20;
export const MAX_OTHER_LANGUAGES = 20;

/** A program's fields typed one per line: trimmed, blank lines dropped. */
function fieldLines(text: string): string[] {
	return text
		.split(/\r?\n|\r/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

/** Why this list of fields cannot be saved, or null: too long, too many, or one twice. */
export function programFieldsProblem(fields: string[]): string | null {
	const long = fields.find((field) => field.length > MAX_FIELD_LENGTH);
	if (long) return m.error_program_field_too_long({ field: long, max: MAX_FIELD_LENGTH });
	if (fields.length > MAX_PROGRAM_FIELDS)
		return m.error_program_fields_too_many({ count: fields.length, max: MAX_PROGRAM_FIELDS });
	const seen = new Map<string, string>();
	for (const field of fields) {
		const key = foldForSearch(field, getLocale());
		const first = seen.get(key);
		if (first !== undefined) return m.error_program_fields_duplicate({ first, second: field });
		seen.set(key, field);
	}
	return null;
}

/** The program-form textarea; absent (a form without it) leaves the stored list as it is. */
export const programFieldsField = z
	.string()
	.max(4000, { error: () => m.error_too_long({ max: 4000 }) })
	.optional()
	.transform((text, ctx) => {
		if (text === undefined) return undefined;
		const fields = fieldLines(text);
		const problem = programFieldsProblem(fields);
		if (problem) ctx.issues.push({ code: 'custom', input: text, message: problem });
		return fields;
	});

export const matchRuleField = z
	.enum(['off', 'bonus', 'must'], { error: () => m.error_match_rule() })
	.optional();

/**
 * Protégés a mentor takes at most, as typed: null for blank (one), a whole number from 1 to 20,
 * or undefined for anything else.
 */
export function readCapacity(typed: string): number | null | undefined {
	const text = typed.trim();
	if (text === '') return null;
	if (!/^\d{1,3}$/.test(text)) return undefined;
	const capacity = Number(text);
	return capacity >= 1 && capacity <= MAX_CAPACITY ? capacity : undefined;
}

export const capacityField = z.string().max(100).optional();

/** One of the program's fields, checked against the program when saved; empty is "not set". */
export const personFieldField = z
	.string()
	.trim()
	.max(MAX_FIELD_LENGTH, { error: () => m.error_field_unknown() })
	.optional()
	.transform((value) => (value === undefined ? undefined : value || null));

/** Other languages typed as names or codes ("Arabic, es"), as codes; absent leaves them as they are. */
export const languagesField = z
	.string()
	.max(300, { error: () => m.error_too_long({ max: 300 }) })
	.optional()
	.transform((text, ctx) => {
		if (text === undefined) return undefined;
		const list = parseLanguageList(text);
		if (!list.ok) {
			ctx.issues.push({
				code: 'custom',
				input: text,
				message: m.error_language_unknown({ word: list.unknown })
			});
			return [];
		}
		if (list.codes.length > MAX_OTHER_LANGUAGES)
			ctx.issues.push({
				code: 'custom',
				input: text,
				message: m.error_languages_too_many({ max: MAX_OTHER_LANGUAGES })
			});
		return list.codes;
	});
