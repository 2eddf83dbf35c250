import { m } from '$lib/paraglide/messages';
import { actionLabel } from './action-labels';

export interface AuditFact {
	label: string;
	value: string;
}

/** Keys that could hold a credential: never shown, whatever an action stored under them. */
const SECRET_KEY = /token|secret|password|hash|otp|code|recovery|cookie/i;
/** Internal ids mean nothing to a reader; the target column already names the record. */
const ID_KEY = /(^id$|Ids?$|_ids?$)/;
const LONGEST_VALUE = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const KEY_LABELS: Record<string, () => string> = {
	name: m.audit_detail_name,
	email: m.audit_detail_email,
	role: m.audit_detail_role,
	from: m.audit_detail_from,
	to: m.audit_detail_to,
	count: m.audit_detail_count,
	refused: m.audit_detail_refused,
	rows: m.audit_detail_rows,
	format: m.audit_detail_format,
	export: m.audit_detail_export,
	wave: m.audit_detail_wave,
	assigned: m.audit_detail_assigned,
	added: m.audit_detail_added,
	number: m.audit_detail_number,
	fileName: m.audit_detail_file,
	createdEmployers: m.audit_detail_new_employers,
	dueOn: m.audit_detail_due,
	participants: m.audit_detail_participants,
	filterPerson: m.audit_detail_filter_person,
	filterAction: m.audit_detail_filter_action,
	filterFrom: m.audit_detail_filter_from,
	filterTo: m.audit_detail_filter_to
};

/** Stored codes that have words already: roles, statuses, waves. */
const CODE_WORDS: Record<string, () => string> = {
	admin: m.role_admin,
	coordinator: m.role_coordinator,
	active: m.pair_status_active,
	paused: m.pair_status_paused,
	ended_early: m.pair_status_ended_early,
	completed: m.pair_status_completed,
	disabled: m.status_disabled,
	pre: m.wave_pre,
	mid: m.wave_mid,
	post: m.wave_post
};

/** Values that are internal ids under a key that usually holds words. */
const ID_VALUES: Record<string, string[]> = { 'instrument.duplicated': ['from'] };

/** Lists of names read as names; other lists (of ids) as how many there are. */
const NAME_LISTS = new Set(['createdEmployers']);

function shortened(text: string): string {
	return text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE - 1)}…` : text;
}

function valueWords(key: string, value: unknown): string | null {
	if (Array.isArray(value)) {
		if (!NAME_LISTS.has(key)) return String(value.length);
		return value.length ? shortened(value.map(String).join(', ')) : null;
	}
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return String(value);
	if (typeof value !== 'string' || value === '') return null;
	// People sometimes type their password into the email field of the sign-in form.
	if (key === 'email' && !EMAIL.test(value)) return m.audit_detail_email_hidden();
	if (key === 'filterAction') return actionLabel(value);
	if (key === 'format') return value.toUpperCase();
	if (Object.hasOwn(CODE_WORDS, value)) return CODE_WORDS[value]!();
	return shortened(value);
}

/**
 * The key facts of an entry in the reader's language: known keys by name, other simple values
 * under their own key; credentials, internal ids and nested objects are left out.
 */
export function describeDetail(
	action: string,
	detail: Record<string, unknown> | null
): AuditFact[] {
	const facts: AuditFact[] = [];
	for (const [key, value] of Object.entries(detail ?? {})) {
		if (SECRET_KEY.test(key) || ID_KEY.test(key) || ID_VALUES[action]?.includes(key)) continue;
		const words = valueWords(key, value);
		if (words === null) continue;
		const label = Object.hasOwn(KEY_LABELS, key) ? KEY_LABELS[key]!() : key;
		facts.push({ label, value: words });
	}
	return facts;
}

/** Facts on one line, for a spreadsheet cell. */
export function factsLine(facts: AuditFact[]): string {
	return facts.map((fact) => `${fact.label}: ${fact.value}`).join('; ');
}
