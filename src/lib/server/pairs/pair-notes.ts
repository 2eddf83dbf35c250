import type { Db, DbOrTx } from '../db';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../instruments/instruments';
import { generateId } from '../util/ids';
import { isOwnPair } from './pair-access';

export interface PairNoteView {
	id: string;
	body: string;
	authorName: string;
	createdAt: number;
}

export type NoteResult = { ok: true; noteId: string } | { ok: false; reason: 'not_found' };

/** Newest first. */
export async function listPairNotes(
	db: DbOrTx,
	organizationId: string,
	pairId: string
): Promise<PairNoteView[]> {
	return db
		.selectFrom('pair_notes')
		.innerJoin('staff_users as author', 'author.id', 'pair_notes.author_staff_id')
		.select([
			'pair_notes.id',
			'pair_notes.body',
			'author.name as authorName',
			'pair_notes.created_at as createdAt'
		])
		.where('pair_notes.organization_id', '=', organizationId)
		.where('pair_notes.pair_id', '=', pairId)
		.orderBy('pair_notes.created_at', 'desc')
		.orderBy('pair_notes.id', 'desc')
		.execute();
}

/** Notes stay possible on ended pairs and from any staff member: they are the pair's record. */
export async function addPairNote(
	db: Db,
	actor: Actor,
	pairId: string,
	body: string,
	ip: string | null,
	now = Date.now()
): Promise<NoteResult> {
	return db.transaction().execute(async (tx): Promise<NoteResult> => {
		if (!(await isOwnPair(tx, actor.organization_id, pairId)))
			return { ok: false, reason: 'not_found' };
		const noteId = generateId();
		await tx
			.insertInto('pair_notes')
			.values({
				id: noteId,
				organization_id: actor.organization_id,
				pair_id: pairId,
				author_staff_id: actor.id,
				body,
				created_at: now
			})
			.execute();
		// Notes can hold personal details: the audit trail records that one was written, not what.
		await recordAudit(
			tx,
			{
				organizationId: actor.organization_id,
				actorStaffId: actor.id,
				action: 'pair.note_added',
				targetType: 'pair',
				targetId: pairId,
				detail: { noteId },
				ip
			},
			now
		);
		return { ok: true, noteId };
	});
}
