import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { languageListText, splitLanguages } from '$lib/text/language-codes';
import type { Participant } from '../db/schema';
import { fieldFailure } from '../forms/read-form';
import type { ParticipantResult } from './participant-actions';
import type { ParticipantInput } from './participants';

export const PARTICIPANT_FIELDS = [
	'role',
	'name',
	'email',
	'phone',
	'language',
	'occupation',
	'employerId',
	'consentDate',
	'notes',
	'capacity',
	'field',
	'languages'
] as const;

/** A stored participant as the form's field values. */
export function participantValues(p: Participant): Record<string, string> {
	return {
		role: p.role,
		name: p.name,
		email: p.email,
		phone: p.phone ?? '',
		language: p.language,
		occupation: p.occupation ?? '',
		employerId: p.employer_id ?? '',
		consentDate: p.consent_date ?? '',
		notes: p.notes,
		capacity: p.capacity === null ? '' : String(p.capacity),
		field: p.field ?? '',
		languages: languageListText(splitLanguages(p.languages), getLocale())
	};
}

/** What matching reads about the person, for the top of their page. */
export function matchingFacts(p: Participant, locale: string) {
	return {
		capacity: p.role === 'mentor' ? (p.capacity ?? 1) : null,
		field: p.field,
		languages: languageListText([p.language, ...splitLanguages(p.languages)], locale)
	};
}

const refusalPlaces = {
	email_taken: ['email', () => m.error_participant_email_taken()],
	employer_unknown: ['employerId', () => m.error_employer_unknown()],
	field_unknown: ['field', () => m.error_field_unknown()],
	language_unknown: ['language', () => m.error_language_not_offered()]
} as const;

/** The message next to the field that caused a refusal, with everything typed kept. */
export function participantRefusal(
	result: Exclude<ParticipantResult, { ok: true }>,
	input: ParticipantInput
) {
	const values = Object.fromEntries(
		Object.entries(input).map(([k, v]) => [k, v == null ? '' : String(v)])
	);
	if (input.languages) values.languages = languageListText(input.languages, getLocale());
	const [field, message] = refusalPlaces[result.reason];
	return fieldFailure(400, field, message(), values);
}
