import { m } from '$lib/paraglide/messages';
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
	'notes'
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
		notes: p.notes
	};
}

/** The message next to the field that caused a refusal, with everything typed kept. */
export function participantRefusal(
	result: Exclude<ParticipantResult, { ok: true }>,
	input: ParticipantInput
) {
	const values = Object.fromEntries(
		Object.entries(input).map(([k, v]) => [k, v == null ? '' : String(v)])
	);
	return result.reason === 'email_taken'
		? fieldFailure(400, 'email', m.error_participant_email_taken(), values)
		: fieldFailure(400, 'employerId', m.error_employer_unknown(), values);
}
