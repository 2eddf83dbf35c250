import type { CsvEntry, CsvProblem, CsvReadResult } from './csv-import';

/** Rows the preview always lists; past them only rows with a problem, so 5,000 rows stay light. */
export const PREVIEW_FIRST_ROWS = 200;

export interface ImportPreview {
	counts: { total: number; mentor: number; protege: number; employer: number };
	entries: CsvEntry[];
	entryCount: number;
	/** How many rows are always listed (`PREVIEW_FIRST_ROWS`). */
	firstRows: number;
	problems: CsvProblem[];
	newEmployers: string[];
}

export function summarizeCsv(result: CsvReadResult): ImportPreview {
	const counts = { total: result.rows.length, mentor: 0, protege: 0, employer: 0 };
	for (const row of result.rows) counts[row.role]++;
	const rowsWithProblems = new Set(result.problems.map((p) => p.row));
	return {
		counts,
		entries: result.entries.filter(
			(entry, i) => i < PREVIEW_FIRST_ROWS || rowsWithProblems.has(entry.row)
		),
		entryCount: result.entries.length,
		firstRows: PREVIEW_FIRST_ROWS,
		problems: result.problems,
		newEmployers: result.newEmployers
	};
}
