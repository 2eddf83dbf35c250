import { isoDateOf } from '$lib/time/days';
import type { ParticipantRole } from '../db/schema';

/** The template's columns, in the template's order. */
export const CSV_COLUMNS = [
	'role',
	'name',
	'email',
	'phone',
	'language',
	'occupation',
	'employer',
	'consent_date',
	'notes',
	'capacity',
	'field',
	'languages'
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['role', 'name', 'email', 'language'];

export const MAX_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_CSV_ROWS = 5000;

export const MAX_LENGTHS = {
	name: 200,
	email: 254,
	phone: 40,
	occupation: 200,
	employer: 200,
	notes: 2000
} as const;

/** Lower case, no accents, single spaces: "  Adresse  Courriel " and "adresse courriel" match. */
export function foldText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[\s_]+/g, ' ')
		.trim();
}

/** Lower case and single spaces, accents kept. */
function caseFold(text: string): string {
	return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const HEADER_ALIASES: Record<CsvColumn, string[]> = {
	role: ['role', 'rôle'],
	name: ['name', 'full name', 'nom', 'nom complet'],
	email: ['email', 'e-mail', 'email address', 'courriel', 'adresse courriel', 'adresse e-mail'],
	phone: ['phone', 'telephone', 'téléphone'],
	language: ['language', 'langue'],
	occupation: ['occupation', 'profession', 'métier'],
	employer: ['employer', 'employeur'],
	consent_date: ['consent_date', 'consent date', 'date de consentement', 'consentement'],
	notes: ['notes', 'note', 'remarques'],
	capacity: ['capacity', 'capacité', 'protégés at most', 'mentees at most'],
	field: ['field', 'domaine', 'field of work', 'domaine de travail'],
	languages: ['languages', 'langues', 'other languages', 'autres langues']
};

const headerLookup = new Map<string, CsvColumn>(
	CSV_COLUMNS.flatMap((column) => HEADER_ALIASES[column].map((alias) => [foldText(alias), column]))
);

/** The template column a header cell names, whatever its case, accents or language. */
export function matchHeader(cell: string): CsvColumn | null {
	return headerLookup.get(foldText(cell)) ?? null;
}

/**
 * Listed with the unaccented spelling first because folding makes "mentoré" (a protégé) and
 * "mentore" (a woman mentor) the same word: an exact match, accents included, is tried first,
 * and the folded table keeps the first meaning it was given.
 */
const ROLE_ALIASES: [string, ParticipantRole][] = [
	['mentor', 'mentor'],
	['mentore', 'mentor'],
	['mentoré', 'protege'],
	['mentorée', 'protege'],
	['protege', 'protege'],
	['protégé', 'protege'],
	['protégée', 'protege'],
	['mentee', 'protege'],
	['newcomer', 'protege'],
	['personne mentorée', 'protege'],
	['employer', 'employer'],
	['employeur', 'employer'],
	['employer contact', 'employer'],
	['employer partner', 'employer'],
	['contact employeur', 'employer'],
	['employeur partenaire', 'employer']
];

const exactRoles = new Map(ROLE_ALIASES.map(([alias, role]) => [caseFold(alias), role]));
const foldedRoles = new Map<string, ParticipantRole>();
for (const [alias, role] of ROLE_ALIASES) {
	if (!foldedRoles.has(foldText(alias))) foldedRoles.set(foldText(alias), role);
}

/** The other words read as each role, for the upload page: `{ protege: ['mentoré', 'mentee', …] }`. */
export function roleSynonyms(): Record<ParticipantRole, string[]> {
	const synonyms: Record<ParticipantRole, string[]> = { mentor: [], protege: [], employer: [] };
	for (const [alias, role] of ROLE_ALIASES) if (alias !== role) synonyms[role].push(alias);
	return synonyms;
}

export function parseRole(value: string): ParticipantRole | null {
	return exactRoles.get(caseFold(value)) ?? foldedRoles.get(foldText(value)) ?? null;
}

function isoDate(year: number, month: number, day: number): string | null {
	return year < 1900 || year > 2999 ? null : isoDateOf(year, month, day);
}

/**
 * A consent date as YYYY-MM-DD, from YYYY-MM-DD or the DD/MM/YYYY that French-locale Excel
 * writes. `null` for an empty cell, `undefined` for something that is not a real date.
 */
export function parseConsentDate(value: string): string | null | undefined {
	if (value === '') return null;
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
	if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? undefined;
	const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
	if (french) return isoDate(Number(french[3]), Number(french[2]), Number(french[1])) ?? undefined;
	return undefined;
}

const FRENCH_HEADERS: Record<CsvColumn, string> = {
	role: 'rôle',
	name: 'nom',
	email: 'courriel',
	phone: 'téléphone',
	language: 'langue',
	occupation: 'profession',
	employer: 'employeur',
	consent_date: 'date de consentement',
	notes: 'notes',
	capacity: 'capacité',
	field: 'domaine',
	languages: 'langues'
};

/** Template headers people read: French ones for a French reader, the column keys otherwise. */
export function templateHeader(locale: 'en' | 'fr'): string[] {
	return CSV_COLUMNS.map((column) => (locale === 'fr' ? FRENCH_HEADERS[column] : column));
}
