import type { HelpedMost } from '$lib/pairs/exit-survey';
import type { ClosureReason } from '$lib/pairs/closure';
import { m } from '$lib/paraglide/messages';
import { formatIsoDate } from '$lib/time/format';

/** Words for stored codes, in the current language. */
export function roleLabel(role: string): string {
	return role === 'admin' ? m.role_admin() : m.role_coordinator();
}

export function statusLabel(status: string): string {
	return status === 'active' ? m.status_active() : m.status_disabled();
}

type Locale = 'en' | 'fr';

const participantRoleLabels = {
	mentor: m.role_mentor,
	protege: m.role_protege,
	employer: m.role_employer,
	staff: m.role_staff
} as const;

export function participantRoleLabel(
	role: keyof typeof participantRoleLabels,
	locale?: Locale
): string {
	return participantRoleLabels[role]({}, locale ? { locale } : {});
}

const waveLabels = { pre: m.wave_pre, mid: m.wave_mid, post: m.wave_post } as const;

export function waveLabel(wave: keyof typeof waveLabels): string {
	return waveLabels[wave]();
}

const roundStateLabels = {
	scheduled: m.round_state_scheduled,
	open: m.round_state_open,
	closed: m.round_state_closed
} as const;

export function roundStateLabel(state: keyof typeof roundStateLabels): string {
	return roundStateLabels[state]();
}

/** A round's dates in words, beside the tag that says whether it is open, scheduled or closed. */
export function roundPeriod(round: { opensOn: string; closesOn: string }, locale: string): string {
	return m.round_period({
		opens: formatIsoDate(round.opensOn, locale),
		closes: formatIsoDate(round.closesOn, locale)
	});
}

const typeLabels = {
	scale: m.type_scale,
	choice: m.type_choice,
	multi: m.type_multi,
	number: m.type_number,
	text: m.type_text
} as const;

export function itemTypeLabel(type: keyof typeof typeLabels): string {
	return typeLabels[type]();
}

/** Text of a localized label in the reader's language, else the first one there is. */
export function localized(text: Record<string, string> | null | undefined, locale: string): string {
	if (!text) return '';
	return text[locale]?.trim() ? text[locale]! : (Object.values(text).find((t) => t.trim()) ?? '');
}

export { languageName } from './i18n/locales';

const programStatusLabels = {
	draft: m.program_status_draft,
	active: m.program_status_active,
	closed: m.program_status_closed
} as const;

export function programStatusLabel(status: keyof typeof programStatusLabels): string {
	return programStatusLabels[status]();
}

const pairStatusLabels = {
	active: m.pair_status_active,
	paused: m.pair_status_paused,
	ended_early: m.pair_status_ended_early,
	completed: m.pair_status_completed
} as const;

export function pairStatusLabel(status: keyof typeof pairStatusLabels): string {
	return pairStatusLabels[status]();
}

const closureReasonLabels: Record<ClosureReason, () => string> = {
	completed: m.closure_completed,
	work_in_field: m.closure_work_in_field,
	work_other_field: m.closure_work_other_field,
	moved_away: m.closure_moved_away,
	no_contact: m.closure_no_contact,
	mismatch: m.closure_mismatch,
	personal: m.closure_personal,
	withdrew: m.closure_withdrew,
	other: m.closure_other
};

export function closureReasonLabel(reason: ClosureReason): string {
	return closureReasonLabels[reason]();
}

const helpedMostLabels: Record<HelpedMost, () => string> = {
	job_leads: m.p_exit_helped_job_leads,
	applications: m.p_exit_helped_applications,
	workplace: m.p_exit_helped_workplace,
	network: m.p_exit_helped_network,
	confidence: m.p_exit_helped_confidence,
	language: m.p_exit_helped_language,
	nothing: m.p_exit_helped_nothing,
	other: m.p_exit_helped_other
};

/** What helped most, as an exit survey's answer reads. */
export function helpedMostLabel(answer: string): string {
	return helpedMostLabels[answer as HelpedMost]?.() ?? answer;
}

const personRoleLabels = {
	mentor: m.participant_role_mentor,
	protege: m.participant_role_protege,
	employer: m.participant_role_employer
} as const;

/** A program participant's role, in words. */
export function personRoleLabel(role: keyof typeof personRoleLabels): string {
	return personRoleLabels[role]();
}

export function participantStatusLabel(status: 'active' | 'withdrawn'): string {
	return status === 'active' ? m.participant_status_active() : m.participant_status_withdrawn();
}
