import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/server/exports/export-files';
import { applyTranslation, translationEntries } from './translation';
import {
	changedKeys,
	hasErrors,
	readTranslationFile,
	translationTable,
	type TranslationProblem
} from './translation-file';
import { INSTRUMENT_FORMAT, type InstrumentDocument } from './types';

const LIMITS = { label: 80, text: 2000 };

function sample(): InstrumentDocument {
	return {
		format: INSTRUMENT_FORMAT,
		name: { en: 'Check-in', es: 'Seguimiento' },
		languages: ['en', 'es'],
		constructs: [
			{
				key: 'contact',
				name: { en: 'Contact', es: 'Contacto' },
				weight: 1,
				items: [
					{
						key: 'hours',
						label: { en: 'Hours', es: 'Horas' },
						wave: 'pre',
						type: 'number',
						required: true,
						critical: false,
						number: { unit: { en: 'hours', es: 'horas' }, min: 0, max: 40 },
						wording: {
							mentor: {
								en: 'How many hours a month will you meet {name}? Most pairs meet 2 or 3.',
								es: '¿Cuántas horas al mes verá a {name}? La mayoría se reúne 2 o 3.'
							}
						}
					}
				]
			}
		]
	};
}

const WORDING = 'item.hours.mentor';
const HEADER = 'key,context,source (en),text (es),back-translation';

/** A file as a translator sends it back: the rows of the download, some texts replaced. */
function fileWith(texts: Record<string, string>, doc = sample()): string {
	const rows = translationEntries(doc, 'es').map((e) =>
		[e.key, 'ctx', JSON.stringify(e.source), JSON.stringify(texts[e.key] ?? e.text), ''].join(',')
	);
	return [HEADER, ...rows].join('\r\n') + '\r\n';
}

const read = (csv: string, doc = sample()) => readTranslationFile(csv, doc, 'es', LIMITS);
const brief = (problems: TranslationProblem[]) =>
	problems.map(({ severity, code, row, key }) => ({ severity, code, row, key }));

describe('a translation file', () => {
	it.each(['comma', 'semicolon'] as const)(
		'read back as it was written (%s, with a byte order mark) gives every text unchanged',
		(separator) => {
			const doc = sample();
			const csv = toCsv(translationTable(doc, 'es', 'en'), separator);
			expect(csv.startsWith('\uFEFFkey' + (separator === 'comma' ? ',' : ';'))).toBe(true);
			const file = read(csv, doc);
			expect(file.problems).toEqual([]);
			expect(applyTranslation(doc, 'es', file.texts)).toEqual(doc);
			expect(changedKeys(doc, 'es', file.texts)).toEqual([]);
		}
	);

	it('keeps texts that look like formulas: quoted in the file, as typed after reading', () => {
		const texts = ['=SUM(A1:A3)', "'=already quoted", "''@twice", '-2'];
		let doc = sample();
		doc.constructs[0]!.items[0]!.wording.mentor!.en = 'Say it';
		doc.constructs[0]!.items[0]!.wording.mentor!.es = 'Dilo';
		const keys = translationEntries(doc, 'es')
			.map((e) => e.key)
			.filter((key) => key !== WORDING);
		doc = applyTranslation(doc, 'es', Object.fromEntries(keys.map((k, i) => [k, texts[i]!])));
		const csv = toCsv(translationTable(doc, 'es', 'fr'), 'semicolon');
		expect(csv).toContain(";'=SUM(A1:A3);");
		expect(csv).toContain(";''=already quoted;");
		expect(csv).toContain(";'''@twice;");
		const file = read(csv, doc);
		expect(hasErrors(file.problems)).toBe(false);
		expect(applyTranslation(doc, 'es', file.texts)).toEqual(doc);
	});

	it('reads French headers, ignores other columns and never reads the back-translation', () => {
		const csv =
			'notes;clé;texte (es);rétrotraduction\n' +
			`x;${WORDING};"¿Cuántas horas verá a {name}? Casi todos: 2 o 3.";How many hours\n`;
		const file = read(csv);
		expect(file.texts).toEqual({
			[WORDING]: '¿Cuántas horas verá a {name}? Casi todos: 2 o 3.'
		});
		expect(changedKeys(sample(), 'es', file.texts)).toEqual([WORDING]);
	});

	it('refuses a text whose placeholders differ from the source, naming its row and key', () => {
		const renamed = fileWith({ [WORDING]: '¿Cuántas horas verá a {nombre}? Casi todos: 2 o 3.' });
		const dropped = fileWith({ [WORDING]: '¿Cuántas horas verá? Casi todos: 2 o 3.' });
		for (const csv of [renamed, dropped]) {
			const file = read(csv);
			expect(brief(file.problems)).toEqual([
				{ severity: 'error', code: 'placeholders', row: 5, key: WORDING }
			]);
			expect(file.problems[0]!.message).toContain('{name}');
		}
	});

	it('does not count braces holding % as placeholders', () => {
		const doc = sample();
		doc.name.en = 'Check-in {50%}';
		expect(read(fileWith({ 'instrument.name': 'Seguimiento' }, doc), doc).problems).toEqual([]);
	});

	it('warns, without refusing, when a number of the source is not in the text', () => {
		const missing = read(fileWith({ [WORDING]: '¿Cuántas horas verá a {name}? Casi todos, dos.' }));
		expect(brief(missing.problems)).toEqual([
			{ severity: 'warning', code: 'digits', row: 5, key: WORDING }
		]);
		expect(missing.problems[0]!.message).toContain('2, 3');
		const arabicDigits = read(fileWith({ [WORDING]: 'كم ساعة ستقابل {name}؟ ٢ أو ٣.' }));
		expect(arabicDigits.problems).toEqual([]);
	});

	it('refuses a text over the document’s limit and warns about one much longer than its source', () => {
		const file = read(
			fileWith({ 'item.hours.label': 'H'.repeat(81), 'item.hours.unit': 'h'.repeat(60) })
		);
		expect(brief(file.problems)).toEqual([
			{ severity: 'error', code: 'too_long', row: 4, key: 'item.hours.label' },
			{ severity: 'warning', code: 'much_longer', row: 6, key: 'item.hours.unit' }
		]);
	});

	it('refuses unknown and repeated keys; texts absent or empty keep their current text', () => {
		const rows = fileWith({}).split('\r\n');
		const csv = [
			rows[0],
			rows[1],
			rows[1],
			'item.gone.mentor,ctx,"x","y",',
			`${WORDING},ctx,"",,`,
			',,,"orphan text",',
			''
		].join('\n');
		const file = read(csv);
		expect(brief(file.problems)).toEqual([
			{ severity: 'error', code: 'duplicate_key', row: 3, key: 'instrument.name' },
			{ severity: 'error', code: 'unknown_key', row: 4, key: 'item.gone.mentor' },
			{ severity: 'warning', code: 'source_changed', row: 5, key: WORDING },
			{ severity: 'warning', code: 'missing', row: 5, key: WORDING },
			{ severity: 'error', code: 'no_key', row: 6, key: null },
			{ severity: 'warning', code: 'missing', row: null, key: 'topic.contact.name' },
			{ severity: 'warning', code: 'missing', row: null, key: 'item.hours.label' },
			{ severity: 'warning', code: 'missing', row: null, key: 'item.hours.unit' }
		]);
		expect(file.texts).toEqual({ 'instrument.name': 'Seguimiento' });
	});

	it.each([
		['an empty file', '\uFEFF  \r\n', 'empty'],
		['a header alone', HEADER + '\r\n', 'empty'],
		['a file without key and text columns', 'name,email\nAna,ana@example.org\n', 'columns'],
		['a JSON file', '{\n\t"format": "tandem-instrument/1"\n}\n', 'not_csv'],
		['a broken quote', `${HEADER}\n${WORDING},ctx,"x,"y" z,\n`, 'not_csv'],
		['another language’s file', 'key,text (ar)\ninstrument.name,x\n', 'language']
	])('refuses %s with one problem for the whole file', (_, csv, code) => {
		const file = read(csv);
		expect(brief(file.problems)).toEqual([{ severity: 'error', code, row: null, key: null }]);
		expect(file.texts).toEqual({});
	});
});
