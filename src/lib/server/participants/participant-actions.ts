import type { Db, DbOrTx } from '../db';
import type { Participant } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { revokeParticipantLinks } from '../auth/participant-links';
import { isOwnEmployerOrNone } from '../employers/employers';
import type { Actor } from '../instruments/instruments';
import { endPairsOf } from '../pairs/pair-actions';
import { loadProgramLanguages } from '../programs/program-languages';
import { programFields } from '../programs/programs';
import { insertParticipants, updateParticipant, type ParticipantInput } from './participants';

export type ParticipantResult =
	| { ok: true; id: string }
	| {
			ok: false;
			reason: 'email_taken' | 'employer_unknown' | 'field_unknown' | 'language_unknown';
	  };

/** One of the program's fields, or the one the person already has though the list has changed. */
async function isProgramFieldOrKept(
	tx: DbOrTx,
	programId: string,
	field: string,
	current: string | null
): Promise<boolean> {
	if (field === current) return true;
	const program = await tx
		.selectFrom('programs')
		.select('fields')
		.where('id', '=', programId)
		.executeTakeFirstOrThrow();
	return programFields(program).includes(field);
}

/** A language the program offers, or the one the person already has though the list has changed. */
async function isOfferedLanguageOrKept(
	tx: DbOrTx,
	programId: string,
	language: string,
	current: string | null
): Promise<boolean> {
	if (language === current) return true;
	const { offered } = await loadProgramLanguages(tx, programId);
	return offered.includes(language);
}

/** Why this person cannot be saved in the program as typed, or null when they can. */
async function refusalFor(
	tx: DbOrTx,
	actor: Actor,
	programId: string,
	input: ParticipantInput,
	existing: Participant | null
): Promise<Exclude<ParticipantResult, { ok: true }> | null> {
	let query = tx
		.selectFrom('participants')
		.select('id')
		.where('program_id', '=', programId)
		.where('email', '=', input.email.trim().toLowerCase());
	if (existing) query = query.where('id', '!=', existing.id);
	if (await query.executeTakeFirst()) return { ok: false, reason: 'email_taken' };
	if (!(await isOwnEmployerOrNone(tx, actor.organization_id, input.employerId)))
		return { ok: false, reason: 'employer_unknown' };
	if (
		input.field &&
		!(await isProgramFieldOrKept(tx, programId, input.field, existing?.field ?? null))
	)
		return { ok: false, reason: 'field_unknown' };
	if (!(await isOfferedLanguageOrKept(tx, programId, input.language, existing?.language ?? null)))
		return { ok: false, reason: 'language_unknown' };
	return null;
}

export async function addParticipant(
	db: Db,
	actor: Actor,
	programId: string,
	input: ParticipantInput,
	ip: string | null
): Promise<ParticipantResult> {
	return db.transaction().execute(async (tx): Promise<ParticipantResult> => {
		const refusal = await refusalFor(tx, actor, programId, input, null);
		if (refusal) return refusal;
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
		const refusal = await refusalFor(tx, actor, participant.program_id, input, participant);
		if (refusal) return refusal;
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

/**
 * Kept for the record, no longer surveyed; running pairs end early with the same reason. `actor`
 * is null when the person stops from their own portal: then every link and session of theirs
 * stops working too, and the audit log names no staff member. Nothing changes unless they are
 * still active.
 */
export async function withdrawParticipant(
	db: Db,
	actor: Actor | null,
	participant: Participant,
	reason: string,
	ip: string | null,
	now = Date.now()
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const updated = await tx
			.updateTable('participants')
			.set({ status: 'withdrawn', withdrawn_at: now, withdrawn_reason: reason, updated_at: now })
			.where('id', '=', participant.id)
			.where('status', '=', 'active')
			.executeTakeFirst();
		if (updated.numUpdatedRows !== 1n) return;
		const by = actor ?? { id: null, organization_id: participant.organization_id };
		await endPairsOf(tx, by, participant.id, reason, ip, now);
		if (!actor) await revokeParticipantLinks(tx, participant.id, now);
		await recordAudit(
			tx,
			{
				organizationId: by.organization_id,
				actorStaffId: by.id,
				action: actor ? 'participant.withdrawn' : 'participant.self_withdrawn',
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
