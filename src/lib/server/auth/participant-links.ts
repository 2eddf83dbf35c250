import { followUpMonthsOf, lastFollowUpOn } from '$lib/outcomes/follow-ups';
import { addDays, endOfDayMs } from '$lib/time/days';
import type { DbOrTx } from '../db';
import type { Participant, Program } from '../db/schema';
import { generateId } from '../util/ids';
import { generateSecret, hashSecret } from './tokens';

/** Links keep working this long after the program ends (and after its last follow-up). */
export const LINK_GRACE_DAYS = 30;

/**
 * The end of the grace period's last day, where the organization works: after the program's last
 * follow-up survey, so that a link keeps working until the last question it may be asked.
 */
export function linkExpiry(
	program: Pick<Program, 'end_date' | 'followup_months'>,
	zone: string
): number {
	const last = lastFollowUpOn(program.end_date, followUpMonthsOf(program.followup_months));
	return endOfDayMs(addDays(last, LINK_GRACE_DAYS), zone);
}

/** A fresh link for one person; several may be valid at once (every message carries a new one). */
export async function issueParticipantLink(
	db: DbOrTx,
	participantId: string,
	expiresAt: number,
	createdBy: string | null,
	now = Date.now()
): Promise<string> {
	const token = generateSecret();
	await db
		.insertInto('participant_links')
		.values({
			id: generateId(),
			participant_id: participantId,
			token_hash: hashSecret(token),
			created_by: createdBy,
			created_at: now,
			expires_at: expiresAt,
			revoked_at: null,
			last_used_at: null
		})
		.execute();
	return token;
}

export interface RedeemedLink {
	participant: Participant;
	linkId: string;
}

/** The active participant a link belongs to, or null for an unknown, revoked or expired link. */
export async function redeemParticipantLink(
	db: DbOrTx,
	token: string,
	now = Date.now()
): Promise<RedeemedLink | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const link = await db
		.selectFrom('participant_links')
		.select(['id', 'participant_id'])
		.where('token_hash', '=', hashSecret(token))
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	if (!link) return null;
	const participant = await db
		.selectFrom('participants')
		.selectAll()
		.where('id', '=', link.participant_id)
		.where('status', '=', 'active')
		.executeTakeFirst();
	if (!participant) return null;
	await db
		.updateTable('participant_links')
		.set({ last_used_at: now })
		.where('id', '=', link.id)
		.execute();
	return { participant, linkId: link.id };
}

/** Every link of the person stops working, and so do the sessions they opened. */
export async function revokeParticipantLinks(
	db: DbOrTx,
	participantId: string,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('participant_links')
		.set({ revoked_at: now })
		.where('participant_id', '=', participantId)
		.where('revoked_at', 'is', null)
		.execute();
	await db.deleteFrom('sessions').where('participant_id', '=', participantId).execute();
}
