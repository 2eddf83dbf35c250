export type Cell = string | number | null;

/** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will show as text, never run: text that starts like a formula gets a
 * leading single quote (OWASP's advice against CSV injection). Numbers are left as numbers, so
 * −3 still sorts and sums. Only for CSV: JSON keeps what was typed.
 */
export function spreadsheetSafe(cell: Cell): Cell {
	return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
