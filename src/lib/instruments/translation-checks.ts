import { m } from '$lib/paraglide/messages';
import type { TranslationEntry } from './translation';

/** What a translation file may get wrong: errors block an import, warnings do not. */
export type ProblemCode =
	| 'empty'
	| 'not_csv'
	| 'columns'
	| 'language'
	| 'no_key'
	| 'unknown_key'
	| 'duplicate_key'
	| 'missing'
	| 'placeholders'
	| 'too_long'
	| 'much_longer'
	| 'digits'
	| 'source_changed'
	/** The draft refused the result (a rule of the document the file cannot see). */
	| 'document';

const WARNINGS: ReadonlySet<ProblemCode> = new Set([
	'missing',
	'much_longer',
	'digits',
	'source_changed'
]);

export interface TranslationProblem {
	severity: 'error' | 'warning';
	code: ProblemCode;
	/** The spreadsheet row (the header is row 1); null for the whole file or a text not in it. */
	row: number | null;
	key: string | null;
	message: string;
}

/** The longest text the document accepts: short names (`….label`) and every other text. */
export interface TextLimits {
	label: number;
	text: number;
}

export function problem(
	code: ProblemCode,
	row: number | null,
	key: string | null,
	message: string
): TranslationProblem {
	return { severity: WARNINGS.has(code) ? 'warning' : 'error', code, row, key, message };
}

export function hasErrors(problems: TranslationProblem[]): boolean {
	return problems.some((p) => p.severity === 'error');
}

/** Placeholders such as `{name}`; braces holding `%` are not placeholders. */
function placeholders(text: string): string[] {
	return (text.match(/\{[^{}]*\}/g) ?? []).filter((token) => !token.includes('%'));
}

const NAMED = /^\{\s*[A-Za-z_]\w*\s*\}$/;

function samePlaceholders(source: string, text: string): boolean {
	const a = placeholders(source);
	const b = placeholders(text);
	const named = (tokens: string[]) =>
		tokens
			.filter((t) => NAMED.test(t))
			.map((t) => t.replace(/\s/g, ''))
			.sort()
			.join(' ');
	return a.length === b.length && named(a) === named(b);
}

/** Zeros of the digit sets translators use (Arabic-Indic, Persian, Devanagari, Gurmukhi, full width). */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x966, 0xa66, 0xff10];

function numbersIn(text: string): string[] {
	const western = text.replace(/\p{Nd}/gu, (digit) => {
		const code = digit.codePointAt(0)!;
		const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
		return zero === undefined ? digit : String(code - zero);
	});
	return western.replace(/\{[^{}]*\}/g, ' ').match(/\d+/g) ?? [];
}

function missingNumbers(source: string, text: string): string[] {
	const found = new Set(numbersIn(text));
	return [...new Set(numbersIn(source))].filter((number) => !found.has(number));
}

function listed(tokens: string[]): string {
	return tokens.length ? tokens.join(' ') : m.translation_placeholders_none();
}

/** The problems of one text the file gives. */
export function checkText(
	entry: TranslationEntry,
	text: string,
	row: number,
	limits: TextLimits
): TranslationProblem[] {
	const found: TranslationProblem[] = [];
	const add = (code: ProblemCode, message: string) =>
		found.push(problem(code, row, entry.key, message));
	if (!samePlaceholders(entry.source, text)) {
		add(
			'placeholders',
			m.translation_error_placeholders({
				expected: listed(placeholders(entry.source)),
				found: listed(placeholders(text))
			})
		);
	}
	const max = entry.key.endsWith('.label') ? limits.label : limits.text;
	if (text.length > max) {
		add('too_long', m.translation_error_too_long({ length: text.length, max }));
	} else if (text.length > 3 * entry.source.length + 40) {
		add(
			'much_longer',
			m.translation_warning_much_longer({ length: text.length, source: entry.source.length })
		);
	}
	const numbers = missingNumbers(entry.source, text);
	if (numbers.length) add('digits', m.translation_warning_digits({ numbers: numbers.join(', ') }));
	return found;
}
