import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { languageCode, languageListText } from '$lib/text/language-codes';
import type { ParticipantRole } from '../db/schema';
import { employerNameKey } from '../employers/employers';
import { MAX_LENGTHS, parseConsentDate, parseRole, type CsvColumn } from './csv-columns';

const EMAIL = z.regexes.email;

/** One row being checked: its cells by column, and where to note a problem with one. */
export interface RowCheck {
	row: number;
	cell(column: CsvColumn): string;
	problem(column: CsvColumn, message: string): void;
}

export function optionalCell(
	check: RowCheck,
	column: 'phone' | 'occupation' | 'notes'
): string | null {
	const value = check.cell(column);
	if (value.length > MAX_LENGTHS[column]) {
		check.problem(column, m.error_too_long({ max: MAX_LENGTHS[column] }));
	}
	return value === '' ? null : value;
}

export function requiredCell(check: RowCheck, column: 'name' | 'email'): string | null {
	const value = check.cell(column);
	if (value === '') check.problem(column, m.csv_error_required());
	else if (value.length > MAX_LENGTHS[column])
		check.problem(column, m.error_too_long({ max: MAX_LENGTHS[column] }));
	else return value;
	return null;
}

export function readRole(check: RowCheck): ParticipantRole | null {
	const value = check.cell('role');
	const role = value === '' ? null : parseRole(value);
	if (value === '') check.problem('role', m.csv_error_required());
	else if (!role) check.problem('role', m.csv_error_role({ value }));
	return role;
}

/**
 * The survey language as a code or a name in English, French or the language itself ("ar",
 * "Arabic", "arabe", "العربية", "zh-Hans"), written as the program offers it; a language the program
 * does not offer is a problem that names the ones it does.
 */
export function readLanguage(check: RowCheck, offered: readonly string[]): string | null {
	const value = check.cell('language');
	if (value === '') {
		check.problem('language', m.csv_error_required());
		return null;
	}
	const code = languageCode(value);
	if (code === null) {
		check.problem('language', m.csv_error_language({ value }));
		return null;
	}
	const language = offered.find((one) => one.toLowerCase() === code);
	if (!language) {
		const list = languageListText(
			offered.map((one) => one.toLowerCase()),
			getLocale()
		);
		check.problem('language', m.csv_error_language_not_offered({ value, offered: list }));
	}
	return language ?? null;
}

export function readEmail(check: RowCheck): string | null {
	const email = requiredCell(check, 'email')?.toLowerCase() ?? null;
	if (email !== null && !EMAIL.test(email)) {
		check.problem('email', m.csv_error_email({ value: email }));
		return null;
	}
	return email;
}

export function readConsentDate(check: RowCheck): string | null {
	const value = check.cell('consent_date');
	const date = parseConsentDate(value);
	if (date === undefined) check.problem('consent_date', m.csv_error_date({ value }));
	return date ?? null;
}

/** Flags an email seen on an earlier row or already in the program; remembers a new one. */
export function checkEmailIsNew(
	check: RowCheck,
	email: string,
	firstRowOfEmail: Map<string, number>,
	existingEmails: Set<string>
): void {
	const earlier = firstRowOfEmail.get(email);
	if (earlier !== undefined) check.problem('email', m.csv_error_email_in_file({ row: earlier }));
	else if (existingEmails.has(email)) check.problem('email', m.csv_error_email_in_program());
	else firstRowOfEmail.set(email, check.row);
}

export interface EmployerLookup {
	/** The organization's employers by name key. */
	known: Map<string, { id: string; name: string; archived?: boolean }>;
	/** Names to create, by name key, as first spelled in the file. */
	created: Map<string, string>;
}

/** The id of an existing employer; null for no employer or one to create (noted in `created`). */
export function readEmployer(
	check: RowCheck,
	employers: EmployerLookup,
	mayCreate: boolean
): string | null {
	const name = check.cell('employer');
	if (name === '') return null;
	if (name.length > MAX_LENGTHS.employer) {
		check.problem('employer', m.error_too_long({ max: MAX_LENGTHS.employer }));
		return null;
	}
	const key = employerNameKey(name);
	const employer = employers.known.get(key);
	if (employer?.archived) check.problem('employer', m.csv_error_employer_archived({ name }));
	else if (employer) return employer.id;
	else if (!mayCreate) check.problem('employer', m.csv_error_employer_unknown({ name }));
	else if (!employers.created.has(key)) employers.created.set(key, name);
	return null;
}
