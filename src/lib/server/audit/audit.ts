import type { DbOrTx } from '../db';
import { generateId } from '../util/ids';

export type AuditAction =
	| 'setup.completed'
	| 'signin.succeeded'
	| 'signin.failed'
	| 'signin.throttled'
	| 'signout'
	| 'two_factor.enrolled'
	| 'two_factor.verified'
	| 'two_factor.failed'
	| 'two_factor.disabled'
	| 'two_factor.reset'
	| 'recovery_code.used'
	| 'recovery_codes.replaced'
	| 'session.ended'
	| 'sessions.ended_all'
	| 'organization.settings_changed'
	| 'audit.exported'
	| 'password.changed'
	| 'staff.invited'
	| 'staff.invitation_revoked'
	| 'staff.invitation_accepted'
	| 'staff.role_changed'
	| 'staff.disabled'
	| 'staff.enabled'
	| 'instrument.draft_created'
	| 'instrument.draft_edited'
	| 'instrument.published'
	| 'instrument.exported'
	| 'instrument.imported'
	| 'instrument.duplicated'
	| 'instrument.language_reviewed'
	| 'instrument.language_draft'
	| 'program.created'
	| 'program.updated'
	| 'program.closed'
	| 'program.exported'
	| 'employer.created'
	| 'employer.updated'
	| 'employer.archived'
	| 'participant.added'
	| 'participant.updated'
	| 'participant.withdrawn'
	| 'participant.exported'
	| 'participant.erased'
	| 'participant.self_withdrawn'
	| 'retention.applied'
	| 'retention.changed'
	| 'organization.time_zone_changed'
	| 'participants.imported'
	| 'pair.created'
	| 'pair.status_changed'
	| 'pair.answers_viewed'
	| 'pair.note_added'
	| 'pair.follow_up_added'
	| 'pair.follow_up_done'
	| 'pair.follow_up_reopened'
	| 'matching.viewed'
	| 'matching.lock_set'
	| 'matching.lock_removed'
	| 'round.opened'
	| 'round.people_added'
	| 'round.closed'
	| 'round.invitations_sent'
	| 'round.reminders_sent'
	| 'links.issued'
	| 'links.revoked';

export interface AuditRecord {
	organizationId: string | null;
	actorStaffId: string | null;
	action: AuditAction;
	targetType?: string;
	targetId?: string;
	detail?: Record<string, unknown>;
	ip?: string | null;
}

export async function recordAudit(
	db: DbOrTx,
	record: AuditRecord,
	now = Date.now()
): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			id: generateId(),
			organization_id: record.organizationId,
			actor_staff_id: record.actorStaffId,
			action: record.action,
			target_type: record.targetType ?? null,
			target_id: record.targetId ?? null,
			detail: record.detail ? JSON.stringify(record.detail) : null,
			ip: record.ip ?? null,
			created_at: now
		})
		.execute();
}
