import type { Cell } from './spreadsheet-safe';

/** Rows with named columns: the one shape both the CSV and the JSON file are written from. */
export interface ExportTable {
	columns: string[];
	rows: Record<string, Cell>[];
}

/** Three decimals: enough for a 0–1 score, short enough to read in a spreadsheet. */
export function rounded(value: number | null): number | null {
	return value === null ? null : Math.round(value * 1000) / 1000;
}
