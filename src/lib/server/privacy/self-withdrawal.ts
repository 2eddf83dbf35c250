import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import type { Participant } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { revokeParticipantLinks } from '../auth/participant-links';
import { endPairsOf } from '../pairs/pair-actions';

/**
 * A participant stops taking part from their own portal: withdrawn as if staff had done it
 * (running pairs end early), every link and session of theirs stops working, and the audit log
 * names no staff member. Their IP is not recorded: it is theirs, not the program's.
 */
export async function withdrawSelf(
	db: Db,
	participant: Participant,
	now = Date.now()
): Promise<void> {
	const reason = m.privacy_self_withdrawn_reason();
	await db.transaction().execute(async (tx) => {
		const updated = await tx
			.updateTable('participants')
			.set({ status: 'withdrawn', withdrawn_at: now, withdrawn_reason: reason, updated_at: now })
			.where('id', '=', participant.id)
			.where('status', '=', 'active')
			.executeTakeFirst();
		if (updated.numUpdatedRows !== 1n) return;
		const system = { id: null, organization_id: participant.organization_id };
		await endPairsOf(tx, system, participant.id, reason, null, now);
		await revokeParticipantLinks(tx, participant.id, now);
		await recordAudit(
			tx,
			{
				organizationId: participant.organization_id,
				actorStaffId: null,
				action: 'participant.self_withdrawn',
				targetType: 'participant',
				targetId: participant.id
			},
			now
		);
	});
}
