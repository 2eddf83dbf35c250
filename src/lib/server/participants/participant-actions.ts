import type { Db } from '../db';
import type { Participant } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { revokeParticipantLinks } from '../auth/participant-links';
import { isOwnEmployerOrNone } from '../employers/employers';
import type { Actor } from '../instruments/instruments';
import { endPairsOf } from '../pairs/pair-actions';
import { insertParticipants, updateParticipant, type ParticipantInput } from './participants';

export type ParticipantResult =
	{ ok: true; id: string } | { ok: false; reason: 'email_taken' | 'employer_unknown' };

export async function addParticipant(
	db: Db,
	actor: Actor,
	programId: string,
	input: ParticipantInput,
	ip: string | null
): Promise<ParticipantResult> {
	return db.transaction().execute(async (tx): Promise<ParticipantResult> => {
		const email = input.email.trim().toLowerCase();
		const taken = await tx
			.selectFrom('participants')
			.select('id')
			.where('program_id', '=', programId)
			.where('email', '=', email)
			.executeTakeFirst();
		if (taken) return { ok: false, reason: 'email_taken' };
		if (!(await isOwnEmployerOrNone(tx, actor.organization_id, input.employerId))) {
			return { ok: false, reason: 'employer_unknown' };
		}
		const [id] = await insertParticipants(
			tx,
			{ organizationId: actor.organization_id, programId },
			[input]
		);
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'participant.added',
			targetType: 'participant',
			targetId: id,
			ip
		});
		return { ok: true, id: id! };
	});
}

export async function editParticipant(
	db: Db,
	actor: Actor,
	participant: Participant,
	input: ParticipantInput,
	ip: string | null
): Promise<ParticipantResult> {
	return db.transaction().execute(async (tx): Promise<ParticipantResult> => {
		const email = input.email.trim().toLowerCase();
		const taken = await tx
			.selectFrom('participants')
			.select('id')
			.where('program_id', '=', participant.program_id)
			.where('email', '=', email)
			.where('id', '!=', participant.id)
			.executeTakeFirst();
		if (taken) return { ok: false, reason: 'email_taken' };
		if (!(await isOwnEmployerOrNone(tx, actor.organization_id, input.employerId))) {
			return { ok: false, reason: 'employer_unknown' };
		}
		await updateParticipant(tx, participant.id, input);
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'participant.updated',
			targetType: 'participant',
			targetId: participant.id,
			ip
		});
		return { ok: true, id: participant.id };
	});
}

/** Kept for the record, no longer surveyed; running pairs end early with the same reason. */
export async function withdrawParticipant(
	db: Db,
	actor: Actor,
	participant: Participant,
	reason: string,
	ip: string | null,
	now = Date.now()
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('participants')
			.set({ status: 'withdrawn', withdrawn_at: now, withdrawn_reason: reason, updated_at: now })
			.where('id', '=', participant.id)
			.execute();
		await endPairsOf(tx, actor, participant.id, reason, ip, now);
		await recordAudit(
			tx,
			{
				organizationId: actor.organization_id,
				actorStaffId: actor.id,
				action: 'participant.withdrawn',
				targetType: 'participant',
				targetId: participant.id,
				ip
			},
			now
		);
	});
}

/** Every personal link of the person stops working at once, with the sessions they opened. */
export async function revokeLinksOf(
	db: Db,
	actor: Actor,
	participant: Participant,
	ip: string | null
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		await revokeParticipantLinks(tx, participant.id);
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'links.revoked',
			targetType: 'participant',
			targetId: participant.id,
			ip
		});
	});
}
