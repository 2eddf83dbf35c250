import { m } from '$lib/paraglide/messages';
import { parseLanguageList } from '$lib/text/language-codes';
import { foldForSearch } from '$lib/text/search-fold';
import type { ParticipantRole } from '../db/schema';
import { MAX_CAPACITY, MAX_OTHER_LANGUAGES, readCapacity } from '../forms/matching-fields';
import type { RowCheck } from './csv-cells';

/** A mentor's capacity (null: one); anyone else's cell is not read, as on the form. */
export function readCapacityCell(check: RowCheck, role: ParticipantRole | null): number | null {
	const value = check.cell('capacity');
	if (role !== 'mentor') return null;
	const capacity = readCapacity(value);
	if (capacity === undefined)
		check.problem('capacity', m.csv_error_capacity({ value, max: MAX_CAPACITY }));
	return capacity ?? null;
}

/** The program's field the cell names, accents and case aside, as the program spells it. */
export function readFieldCell(check: RowCheck, fields: readonly string[]): string | null {
	const value = check.cell('field');
	if (value === '') return null;
	const wanted = foldForSearch(value, 'en');
	const field = fields.find((f) => foldForSearch(f, 'en') === wanted);
	if (field !== undefined) return field;
	check.problem(
		'field',
		fields.length === 0
			? m.csv_error_field_none()
			: m.csv_error_field({ value, fields: fields.join(', ') })
	);
	return null;
}

/** Other languages as codes, from names or codes separated by commas. */
export function readLanguagesCell(check: RowCheck): string[] {
	const list = parseLanguageList(check.cell('languages'));
	if (!list.ok) {
		check.problem('languages', m.error_language_unknown({ word: list.unknown }));
		return [];
	}
	if (list.codes.length > MAX_OTHER_LANGUAGES)
		check.problem('languages', m.error_languages_too_many({ max: MAX_OTHER_LANGUAGES }));
	return list.codes;
}
