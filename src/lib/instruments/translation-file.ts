import { parse } from 'csv-parse/sync';
import { m } from '$lib/paraglide/messages';
import { translationEntries } from './translation';
import {
	checkText,
	hasErrors,
	problem,
	type ProblemCode,
	type TextLimits,
	type TranslationProblem
} from './translation-checks';
import type { InstrumentDocument } from './types';
import { detectDelimiter } from '$lib/text/csv-delimiter';

export { hasErrors, type TranslationProblem } from './translation-checks';

/**
 * One language of an instrument as a spreadsheet for a translator, and back: a row per text with
 * its key, where it appears, the source text, the current text and an empty back-translation
 * column. Reading checks the file against the instrument; errors block the import, warnings do not.
 */
export type TranslationColumn = 'key' | 'context' | 'source' | 'text' | 'back_translation';

const COLUMNS: TranslationColumn[] = ['key', 'context', 'source', 'text', 'back_translation'];

const HEADERS: Record<'en' | 'fr', Record<TranslationColumn, string>> = {
	en: {
		key: 'key',
		context: 'context',
		source: 'source',
		text: 'text',
		back_translation: 'back-translation'
	},
	fr: {
		key: 'clé',
		context: 'contexte',
		source: 'source',
		text: 'texte',
		back_translation: 'rétrotraduction'
	}
};

const HEADER_ALIASES: Record<TranslationColumn, string[]> = {
	key: ['key', 'cle'],
	context: ['context', 'contexte'],
	source: ['source', 'english source', 'source text', 'texte source', 'english', 'anglais'],
	text: ['text', 'current text', 'translation', 'texte', 'texte actuel', 'traduction'],
	back_translation: [
		'back translation',
		'retrotraduction',
		'retro traduction',
		'traduction inverse'
	]
};

/** Lower case, no accents, no language in brackets: "Texte (ar)" and "texte" match. */
function foldHeader(cell: string): { name: string; language: string | null } {
	const language = /\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\)\s*$/.exec(cell)?.[1] ?? null;
	const name = cell
		.replace(/\([^)]*\)\s*$/, '')
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ')
		.trim();
	return { name, language };
}

const headerLookup = new Map<string, TranslationColumn>(
	COLUMNS.flatMap((column) => HEADER_ALIASES[column].map((alias) => [alias, column]))
);

/**
 * A text that starts like a formula goes into the file behind a quote, so a spreadsheet shows it
 * and never runs it; one that already starts with quotes before such a character gets one more.
 * Reading takes exactly one quote off the same texts, so every text comes back as it left.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
const QUOTED_FORMULA = /^'+[=+\-@\t\r]/;

export function fileCell(text: string): string {
	return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

function readCell(cell: string | undefined): string {
	const text = (cell ?? '').normalize('NFC').trim();
	return QUOTED_FORMULA.test(text) ? text.slice(1) : text;
}

/** The rows of the file, under headers in the staff member's language. */
export function translationTable(
	doc: InstrumentDocument,
	language: string,
	headerLanguage: 'en' | 'fr'
): { columns: string[]; rows: Record<string, string>[] } {
	const names = HEADERS[headerLanguage];
	const header = {
		...names,
		source: `${names.source} (${doc.languages[0]})`,
		text: `${names.text} (${language})`
	};
	const rows = translationEntries(doc, language).map((entry) => ({
		[header.key]: entry.key,
		[header.context]: fileCell(entry.context),
		[header.source]: fileCell(entry.source),
		[header.text]: fileCell(entry.text),
		[header.back_translation]: ''
	}));
	return { columns: COLUMNS.map((column) => header[column]), rows };
}

export interface TranslationFile {
	/** The texts to apply, by key; empty cells are left out, so the current text stays. */
	texts: Record<string, string>;
	problems: TranslationProblem[];
}

/** Every record, a spreadsheet row each (a quoted line break stays in its row), or the error. */
function readRecords(text: string): string[][] | { line: number } {
	try {
		return parse(text, {
			delimiter: detectDelimiter(text),
			relax_column_count: true,
			skip_empty_lines: false
		}) as string[][];
	} catch (cause) {
		return { line: Number((cause as { lines?: number }).lines ?? 1) };
	}
}

/** The columns the header names; null when the two needed ones are not there. */
function readHeader(
	cells: string[]
): { at: Record<TranslationColumn, number>; language: string | null } | null {
	const at = { key: -1, context: -1, source: -1, text: -1, back_translation: -1 };
	let language: string | null = null;
	cells.forEach((cell, index) => {
		const folded = foldHeader(cell.replace(/^\uFEFF/, ''));
		const column = headerLookup.get(folded.name);
		if (!column || at[column] !== -1) return;
		at[column] = index;
		if (column === 'text') language = folded.language;
	});
	return at.key === -1 || at.text === -1 ? null : { at, language };
}

/**
 * What a translation file holds for this language of the instrument, and every problem found,
 * each with its spreadsheet row and key. The file's source column only warns when the source
 * has changed since the file was made; the back-translation column is never read.
 */
export function readTranslationFile(
	csv: string,
	doc: InstrumentDocument,
	language: string,
	limits: TextLimits
): TranslationFile {
	const texts: Record<string, string> = {};
	const problems: TranslationProblem[] = [];
	const fail = (code: ProblemCode, message: string) => ({
		texts: {},
		problems: [problem(code, null, null, message)]
	});
	const content = csv.replace(/^\uFEFF/, '');
	if (content.trim() === '') return fail('empty', m.translation_error_empty());
	const records = readRecords(content);
	if (!Array.isArray(records)) return fail('not_csv', m.translation_error_not_csv(records));
	const header = readHeader(records[0] ?? []);
	if (!header) return fail('columns', m.translation_error_columns());
	if (header.language && header.language.toLowerCase() !== language.toLowerCase()) {
		return fail(
			'language',
			m.translation_error_language({ found: header.language, expected: language })
		);
	}

	const entries = new Map(translationEntries(doc, language).map((e) => [e.key, e]));
	const seen = new Set<string>();
	const { at } = header;
	records.slice(1).forEach((cells, index) => {
		const row = index + 2;
		const key = (cells[at.key] ?? '').trim();
		const text = readCell(cells[at.text]);
		const add = (code: ProblemCode, message: string) =>
			problems.push(problem(code, row, key || null, message));
		if (key === '') {
			if (text !== '') add('no_key', m.translation_error_no_key());
			return;
		}
		const entry = entries.get(key);
		if (!entry) return add('unknown_key', m.translation_error_unknown_key());
		if (seen.has(key)) return add('duplicate_key', m.translation_error_duplicate_key());
		seen.add(key);
		if (at.source !== -1 && readCell(cells[at.source]) !== entry.source.normalize('NFC').trim()) {
			add('source_changed', m.translation_warning_source_changed());
		}
		if (text === '') return add('missing', m.translation_warning_empty());
		problems.push(...checkText(entry, text, row, limits));
		texts[key] = text;
	});
	if (seen.size === 0 && !hasErrors(problems)) return fail('empty', m.translation_error_empty());
	for (const key of entries.keys()) {
		if (!seen.has(key))
			problems.push(problem('missing', null, key, m.translation_warning_absent()));
	}
	return { texts, problems };
}

/** The keys whose text the import would change. */
export function changedKeys(
	doc: InstrumentDocument,
	language: string,
	texts: Record<string, string>
): string[] {
	return translationEntries(doc, language)
		.filter((entry) => entry.key in texts && texts[entry.key] !== entry.text)
		.map((entry) => entry.key);
}
