import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import type { Participant } from '../db/schema';
import { withdrawParticipant } from '../participants/participant-actions';

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
	await withdrawParticipant(db, null, participant, m.privacy_self_withdrawn_reason(), null, now);
}
