import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { AuditAction } from './audit';

type Label = (inputs?: object, options?: { locale?: Locale }) => string;

/** Every action in words; a new member of the union fails type checking until it has a label. */
const ACTION_LABELS: Record<AuditAction, Label> = {
	'setup.completed': m.audit_action_setup_completed,
	'signin.succeeded': m.audit_action_signin_succeeded,
	'signin.failed': m.audit_action_signin_failed,
	'signin.throttled': m.audit_action_signin_throttled,
	signout: m.audit_action_signout,
	'two_factor.enrolled': m.audit_action_two_factor_enrolled,
	'two_factor.verified': m.audit_action_two_factor_verified,
	'two_factor.failed': m.audit_action_two_factor_failed,
	'two_factor.disabled': m.audit_action_two_factor_disabled,
	'two_factor.reset': m.audit_action_two_factor_reset,
	'recovery_code.used': m.audit_action_recovery_code_used,
	'recovery_codes.replaced': m.audit_action_recovery_codes_replaced,
	'session.ended': m.audit_action_session_ended,
	'sessions.ended_all': m.audit_action_sessions_ended_all,
	'organization.settings_changed': m.audit_action_organization_settings_changed,
	'audit.exported': m.audit_action_audit_exported,
	'password.changed': m.audit_action_password_changed,
	'staff.invited': m.audit_action_staff_invited,
	'staff.invitation_revoked': m.audit_action_staff_invitation_revoked,
	'staff.invitation_accepted': m.audit_action_staff_invitation_accepted,
	'staff.role_changed': m.audit_action_staff_role_changed,
	'staff.disabled': m.audit_action_staff_disabled,
	'staff.enabled': m.audit_action_staff_enabled,
	'instrument.draft_created': m.audit_action_instrument_draft_created,
	'instrument.draft_edited': m.audit_action_instrument_draft_edited,
	'instrument.published': m.audit_action_instrument_published,
	'instrument.exported': m.audit_action_instrument_exported,
	'instrument.imported': m.audit_action_instrument_imported,
	'instrument.duplicated': m.audit_action_instrument_duplicated,
	'instrument.language_reviewed': m.audit_action_instrument_language_reviewed,
	'instrument.language_draft': m.audit_action_instrument_language_draft,
	'program.created': m.audit_action_program_created,
	'program.updated': m.audit_action_program_updated,
	'program.closed': m.audit_action_program_closed,
	'program.exported': m.audit_action_program_exported,
	'employer.created': m.audit_action_employer_created,
	'employer.updated': m.audit_action_employer_updated,
	'employer.archived': m.audit_action_employer_archived,
	'participant.added': m.audit_action_participant_added,
	'participant.updated': m.audit_action_participant_updated,
	'participant.withdrawn': m.audit_action_participant_withdrawn,
	'participant.exported': m.audit_action_participant_exported,
	'participant.erased': m.audit_action_participant_erased,
	'participant.self_withdrawn': m.audit_action_participant_self_withdrawn,
	'retention.applied': m.audit_action_retention_applied,
	'retention.changed': m.audit_action_retention_changed,
	'organization.time_zone_changed': m.audit_action_organization_time_zone_changed,
	'participants.imported': m.audit_action_participants_imported,
	'pair.created': m.audit_action_pair_created,
	'pair.status_changed': m.audit_action_pair_status_changed,
	'pair.answers_viewed': m.audit_action_pair_answers_viewed,
	'pair.note_added': m.audit_action_pair_note_added,
	'pair.follow_up_added': m.audit_action_pair_follow_up_added,
	'pair.follow_up_done': m.audit_action_pair_follow_up_done,
	'pair.follow_up_reopened': m.audit_action_pair_follow_up_reopened,
	'matching.viewed': m.audit_action_matching_viewed,
	'matching.lock_set': m.audit_action_matching_lock_set,
	'matching.lock_removed': m.audit_action_matching_lock_removed,
	'round.opened': m.audit_action_round_opened,
	'round.people_added': m.audit_action_round_people_added,
	'round.closed': m.audit_action_round_closed,
	'round.invitations_sent': m.audit_action_round_invitations_sent,
	'round.reminders_sent': m.audit_action_round_reminders_sent,
	'links.issued': m.audit_action_links_issued,
	'links.revoked': m.audit_action_links_revoked
};

export const LABELLED_ACTIONS = Object.keys(ACTION_LABELS) as AuditAction[];

function isLabelled(action: string): action is AuditAction {
	return Object.hasOwn(ACTION_LABELS, action);
}

/** An action in plain words; an action stored by an older version keeps its code. */
export function actionLabel(action: string, locale?: Locale): string {
	return isLabelled(action) ? ACTION_LABELS[action]({}, locale ? { locale } : {}) : action;
}
