import { stringify } from 'csv-stringify/sync';
import type { ExportTable } from './export-table';
import { spreadsheetSafe } from './spreadsheet-safe';

/** Commas for Excel in English; semicolons and decimal commas for Excel in French. */
export type CsvSeparator = 'comma' | 'semicolon';

/**
 * A CSV that opens cleanly in a spreadsheet: a byte order mark so Excel reads accents as UTF-8,
 * CRLF line ends as Excel writes them, a header row, and no cell a spreadsheet would run.
 */
export function toCsv(table: ExportTable, separator: CsvSeparator): string {
	const french = separator === 'semicolon';
	const rows = table.rows.map((row) =>
		Object.fromEntries(
			table.columns.map((column) => [column, spreadsheetSafe(row[column] ?? null)])
		)
	);
	const csv = stringify(rows, {
		header: true,
		columns: table.columns,
		delimiter: french ? ';' : ',',
		record_delimiter: 'windows',
		cast: { number: (value) => (french ? String(value).replace('.', ',') : String(value)) }
	});
	return '\uFEFF' + csv;
}

/** The rows as they are, with the program and the time they were taken. */
export function toJson(table: ExportTable, program: string, generatedAt: Date): string {
	return (
		JSON.stringify(
			{ program, generated_at: generatedAt.toISOString(), rows: table.rows },
			null,
			'\t'
		) + '\n'
	);
}
