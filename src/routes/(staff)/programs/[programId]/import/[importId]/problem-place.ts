import { m } from '$lib/paraglide/messages';
import type { CsvProblem } from '$lib/server/participants/csv-records';

/** Where a problem is, as a person finds it in their spreadsheet: "Row 4, column “email”". */
export function problemPlace(problem: CsvProblem): string {
	if (problem.row === null) return m.csv_problem_file();
	if (problem.column === null) return m.csv_problem_row({ row: problem.row });
	return m.csv_problem_cell({ row: problem.row, column: problem.column });
}
