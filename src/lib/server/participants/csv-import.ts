import { setImmediate as nextTurn } from 'node:timers/promises';
import { m } from '$lib/paraglide/messages';
import type { ParticipantRole } from '../db/schema';
import { employerNameKey } from '../employers/employers';
import {
	MAX_CSV_BYTES,
	MAX_CSV_ROWS,
	REQUIRED_COLUMNS,
	matchHeader,
	type CsvColumn
} from './csv-columns';
import {
	checkEmailIsNew,
	optionalCell,
	readEmployer,
	readConsentDate,
	readEmail,
	readLanguage,
	readRole,
	requiredCell,
	type EmployerLookup,
	type RowCheck
} from './csv-cells';
import { readCapacityCell, readFieldCell, readLanguagesCell } from './csv-matching-cells';
import { byteLength, fileProblem, readCsvRecords, type CsvProblem } from './csv-records';

export type { CsvProblem } from './csv-records';

export interface CsvContext {
	/** Lower-cased emails already in the program. */
	existingEmails: Set<string>;
	employers: { id: string; name: string; archived?: boolean }[];
	/** When false, an employer name that does not exist yet is a problem on its row. */
	createEmployers?: boolean;
	/** The program's fields, which the field column must name; none when absent. */
	fields?: readonly string[];
	/** The languages the program offers, which the language column must name (English and French when absent). */
	languages?: readonly string[];
}

export interface ValidRow {
	row: number;
	role: ParticipantRole;
	name: string;
	email: string;
	phone: string | null;
	language: string;
	occupation: string | null;
	/** Set for an existing employer; null with `employerName` set for one still to create. */
	employerId: string | null;
	employerName: string | null;
	consentDate: string | null;
	notes: string;
	capacity: number | null;
	field: string | null;
	languages: string[];
}

/** What the preview shows for every data row, valid or not: role and language as codes when understood, otherwise as typed. */
export interface CsvEntry {
	row: number;
	role: string;
	/** The role cell as written, when it was a synonym ("mentee" read as protégé); else null. */
	roleWritten: string | null;
	name: string;
	email: string;
	language: string;
	employer: string;
}

export interface CsvReadResult {
	rows: ValidRow[];
	entries: CsvEntry[];
	problems: CsvProblem[];
	/** Employer names not found in the organization, first spelling of each, in file order. */
	newEmployers: string[];
}

type Columns = Map<CsvColumn, { index: number; label: string }>;

interface Header {
	columns: Columns;
	/** Columns with an empty header cell: ignored, unless a row has something in them. */
	unnamed: number[];
	problems: CsvProblem[];
}

/** "A", "B", … "AA": how a spreadsheet names the column at this index. */
function columnLetter(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

function readHeader(cells: string[], row: number): Header {
	const columns: Columns = new Map();
	const unnamed: number[] = [];
	const problems: CsvProblem[] = [];
	cells.forEach((label, index) => {
		if (label === '') {
			unnamed.push(index);
			return;
		}
		const column = matchHeader(label);
		if (!column) problems.push({ row, column: label, message: m.csv_error_unknown_column() });
		else if (columns.has(column))
			problems.push({ row, column: label, message: m.csv_error_duplicate_column() });
		else columns.set(column, { index, label });
	});
	for (const column of REQUIRED_COLUMNS) {
		if (!columns.has(column)) {
			problems.push({ row, column, message: m.csv_error_missing_column({ name: column }) });
		}
	}
	return { columns, unnamed, problems };
}

interface CsvReading {
	records: ReturnType<typeof readCsvRecords>['records'];
	/** Checks one row, adding it or its problems to the result. */
	check(record: CsvReading['records'][number]): void;
	finish(): CsvReadResult;
}

/** The file read and its header checked; its rows are then checked one by one. */
function startReading(text: string, context: CsvContext): CsvReading | CsvReadResult {
	const empty: CsvReadResult = { rows: [], entries: [], problems: [], newEmployers: [] };
	if (byteLength(text) > MAX_CSV_BYTES) {
		const megabytes = MAX_CSV_BYTES / (1024 * 1024);
		return { ...empty, problems: [fileProblem(m.csv_error_file_too_large({ megabytes }))] };
	}
	const parsed = readCsvRecords(text);
	if (!parsed.header) {
		const problems = parsed.problems.length ? parsed.problems : [fileProblem(m.csv_error_empty())];
		return { ...empty, problems };
	}
	if (parsed.records.length > MAX_CSV_ROWS) {
		const problem = m.csv_error_too_many_rows({ count: parsed.records.length, max: MAX_CSV_ROWS });
		return { ...empty, problems: [fileProblem(problem)] };
	}
	const header = readHeader(parsed.header.cells, parsed.header.row);
	if (header.problems.length > 0) {
		return { ...empty, problems: [...header.problems, ...parsed.problems] };
	}
	if (parsed.records.length === 0 && parsed.problems.length === 0) {
		return { ...empty, problems: [fileProblem(m.csv_error_no_rows())] };
	}

	const result: CsvReadResult = { ...empty, problems: [...parsed.problems] };
	const employers: EmployerLookup = {
		known: new Map(context.employers.map((e) => [employerNameKey(e.name), e])),
		created: new Map()
	};
	const firstRowOfEmail = new Map<string, number>();

	const check = (record: CsvReading['records'][number]) => {
		const found: { index: number; problem: CsvProblem }[] = [];
		const note = (index: number, column: string, message: string) =>
			found.push({ index, problem: { row: record.row, column, message } });
		const check: RowCheck = {
			row: record.row,
			cell: (column) => record.cells[header.columns.get(column)?.index ?? -1] ?? '',
			problem: (column, message) => {
				const { index, label } = header.columns.get(column)!;
				note(index, label, message);
			}
		};
		for (const index of header.unnamed) {
			if (record.cells[index]) note(index, columnLetter(index), m.csv_error_no_header());
		}
		const role = readRole(check);
		const name = requiredCell(check, 'name');
		const email = readEmail(check);
		const language = readLanguage(check, context.languages ?? ['en', 'fr']);
		const phone = optionalCell(check, 'phone');
		const occupation = optionalCell(check, 'occupation');
		const notes = optionalCell(check, 'notes') ?? '';
		const consentDate = readConsentDate(check);
		if (email !== null) checkEmailIsNew(check, email, firstRowOfEmail, context.existingEmails);
		const employerName = check.cell('employer');
		const employerId = readEmployer(check, employers, context.createEmployers !== false);
		const capacity = readCapacityCell(check, role);
		const field = readFieldCell(check, context.fields ?? []);
		const languages = readLanguagesCell(check);

		result.entries.push({
			row: record.row,
			role: role ?? check.cell('role'),
			roleWritten:
				role && check.cell('role').trim().toLowerCase() !== role ? check.cell('role') : null,
			name: check.cell('name'),
			email: email ?? check.cell('email'),
			language: language ?? check.cell('language'),
			employer: employerName
		});
		result.problems.push(...found.sort((a, b) => a.index - b.index).map((f) => f.problem));
		if (found.length === 0 && role && name && email && language) {
			const newName = employerId === null && employerName !== '' ? employerName : null;
			result.rows.push({
				row: record.row,
				role,
				name,
				email,
				phone,
				language,
				occupation,
				employerId,
				employerName: newName,
				consentDate,
				notes,
				capacity,
				field,
				languages
			});
		}
	};
	const finish = () => {
		result.newEmployers = [...employers.created.values()];
		result.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
		return result;
	};
	return { records: parsed.records, check, finish };
}

const isReading = (value: CsvReading | CsvReadResult): value is CsvReading => 'check' in value;

/** Rows checked between two turns of the event loop. */
const ROWS_PER_TURN = 250;

/**
 * Reads and checks a participant CSV without touching the database: every problem with its
 * spreadsheet row and the column as its header reads in the file, so a preview and the final
 * import check the same way. Other requests get their turn every few hundred rows: a file of
 * thousands of people does not hold up everyone else's pages.
 */
export async function readParticipantCsv(
	text: string,
	context: CsvContext
): Promise<CsvReadResult> {
	const reading = startReading(text, context);
	if (!isReading(reading)) return reading;
	for (const [index, record] of reading.records.entries()) {
		if (index > 0 && index % ROWS_PER_TURN === 0) await nextTurn();
		reading.check(record);
	}
	return reading.finish();
}
