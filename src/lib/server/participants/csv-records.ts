import { parse, type CsvError } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { m } from '$lib/paraglide/messages';
import { MAX_CSV_BYTES } from './csv-columns';
import { detectDelimiter } from '$lib/text/csv-delimiter';

/** One problem in a file: `row` is the spreadsheet row (header = 1), null for the whole file. */
export interface CsvProblem {
	row: number | null;
	column: string | null;
	message: string;
}

export interface CsvRecord {
	row: number;
	cells: string[];
}

export interface CsvRecords {
	header: CsvRecord | null;
	records: CsvRecord[];
	problems: CsvProblem[];
}

const MEGABYTES = MAX_CSV_BYTES / (1024 * 1024);

export function fileProblem(message: string): CsvProblem {
	return { row: null, column: null, message };
}

/** The bytes of an upload as text, or why they cannot be read: too large, empty, not UTF-8. */
export function decodeCsvBytes(
	bytes: Uint8Array
): { ok: true; text: string } | { ok: false; problem: CsvProblem } {
	if (bytes.byteLength > MAX_CSV_BYTES) {
		return {
			ok: false,
			problem: fileProblem(m.csv_error_file_too_large({ megabytes: MEGABYTES }))
		};
	}
	const text = utf8(bytes) ?? windows1252(bytes);
	if (text === null) return { ok: false, problem: fileProblem(m.csv_error_unknown_encoding()) };
	if (text.trim() === '') return { ok: false, problem: fileProblem(m.csv_error_empty()) };
	return { ok: true, text };
}

/** The text, without a byte order mark; null when the bytes are not UTF-8. */
function utf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

/**
 * French-locale Excel's default "CSV (point-virgule)" and LibreOffice's "Western Europe" are
 * Windows-1252: read them as that rather than send the coordinator back to re-save the file.
 * Node's own TextDecoder leaves 0x80–0x9F (€ ’ œ Œ — …) as control characters, so iconv-lite,
 * which maps the whole code page. The five bytes the code page leaves undefined mean the file is
 * in some other encoding: null.
 */
function windows1252(bytes: Uint8Array): string | null {
	const text = iconv.decode(
		Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
		'windows-1252'
	);
	return text.includes('\uFFFD') ? null : text;
}

export function byteLength(text: string): number {
	return new TextEncoder().encode(text).byteLength;
}

function isBlank(cells: readonly string[] | undefined): boolean {
	return !cells || cells.every((cell) => cell === '');
}

/**
 * Splits the text into records with their spreadsheet row numbers. A row number counts
 * records plus the blank lines skipped before them, which is what a spreadsheet shows: a
 * quoted cell with a line break stays one row, so csv-parse's `lines` (physical lines) would
 * point below the real row. Rows whose cells are all empty (Excel writes `;;;;` for them) are
 * skipped but still counted; the header is the first row with something in it. A misplaced quote makes the rest of the file unreadable, so only
 * the first one is reported and the records after it are dropped.
 */
export function readCsvRecords(text: string): CsvRecords {
	const all: CsvRecord[] = [];
	const problems: CsvProblem[] = [];
	let seen = 0;
	let broken = false;
	let expected = 0;
	const content = text.replace(/^\uFEFF/, '');

	parse(content, {
		delimiter: detectDelimiter(content),
		bom: true,
		relax_column_count: false,
		skip_empty_lines: true,
		skip_records_with_error: true,
		trim: true,
		on_record: (cells: string[], context) => {
			seen++;
			if (broken) return null;
			cells = cells.map((cell) => cell.normalize('NFC'));
			// csv-parse holds every record to the length of the first one, blank or not.
			if (seen === 1) expected = cells.length;
			if (!isBlank(cells)) all.push({ row: seen + context.empty_lines, cells });
			return null;
		},
		on_skip: (err: CsvError | undefined) => {
			seen++;
			if (!err || broken) return;
			const row = seen + Number(err.empty_lines ?? 0);
			if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
				const cells = err.record as string[] | undefined;
				if (isBlank(cells)) return;
				problems.push({
					row,
					column: null,
					message: m.csv_error_field_count({ count: cells?.length ?? 0, expected })
				});
			} else {
				broken = true;
				problems.push({ row, column: null, message: m.csv_error_quote() });
			}
		}
	});

	const [header = null, ...records] = all;
	return { header, records, problems };
}
