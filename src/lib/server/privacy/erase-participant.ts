import { m } from '$lib/paraglide/messages';
import type { Db, DbOrTx } from '../db';
import type { Participant } from '../db/schema';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../instruments/instruments';
import { endPairsOf } from '../pairs/pair-actions';
import {
	anonymiseParticipantRows,
	deleteAssignmentsOf,
	deleteContactTraces,
	forgetOldVersions,
	forgetPairTalk,
	pairsOf,
	removeFreeTextAnswers,
	scrubImports
} from './erasure-steps';
import { sweepIdentity } from './identity-sweep';
import { identityPattern, mentionsIdentity } from './redact';

/**
 * `anonymise`: the person's scored answers stay as anonymous rows for the program's statistics.
 * `delete`: every answer goes too. Either way their pairs stay (a pair also holds the partner's
 * answers, which are not the erased person's to remove), pointing at a placeholder row.
 */
export type ErasureMode = 'anonymise' | 'delete';

export interface ErasureImpact {
	answers: number;
	pairs: number;
	pairNotes: number;
	messages: number;
}

/** What erasing this person removes, for the confirmation screen. */
export async function erasureImpact(db: DbOrTx, participantId: string): Promise<ErasureImpact> {
	const pairIds = await pairsOf(db, [participantId]);
	const aboutPairs = async (table: 'pair_notes' | 'pair_follow_ups') =>
		pairIds.length === 0
			? 0
			: Number(
					(
						await db
							.selectFrom(table)
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.where('pair_id', 'in', pairIds)
							.executeTakeFirstOrThrow()
					).n
				);
	const [answers, messages, notes, followUps] = await Promise.all([
		db
			.selectFrom('responses')
			.innerJoin('assignments', 'assignments.id', 'responses.assignment_id')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('assignments.participant_id', '=', participantId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('outbox')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('participant_id', '=', participantId)
			.executeTakeFirstOrThrow(),
		aboutPairs('pair_notes'),
		aboutPairs('pair_follow_ups')
	]);
	return {
		answers: Number(answers.n),
		pairs: pairIds.length,
		pairNotes: notes + followUps,
		messages: Number(messages.n)
	};
}

/**
 * Removes what identifies the person everywhere Tandem keeps it, in one transaction: their row,
 * links, sessions and messages, their pairs' notes and reasons, their row in uploaded files,
 * and any mention of them in other people's free text in the program. The write-ahead log is
 * then emptied, so the old versions of those rows leave the disk too.
 */
export async function eraseParticipant(
	db: Db,
	actor: Actor,
	participant: Participant,
	mode: ErasureMode,
	ip: string | null,
	now = Date.now()
): Promise<{ rowKept: boolean }> {
	const result = await db.transaction().execute(async (tx) => {
		const person = await tx
			.selectFrom('participants')
			.selectAll()
			.where('id', '=', participant.id)
			.executeTakeFirstOrThrow();
		const program = await tx
			.selectFrom('programs')
			.select(['id', 'organization_id', 'default_language'])
			.where('id', '=', person.program_id)
			.executeTakeFirstOrThrow();
		const pattern = identityPattern([person]);
		const ids = [person.id];
		const pairIds = await pairsOf(tx, ids);

		await forgetPairTalk(tx, pairIds);
		await endPairsOf(tx, actor, person.id, m.privacy_pair_end_reason(), ip, now);
		await deleteContactTraces(tx, ids);
		if (mode === 'delete') await deleteAssignmentsOf(tx, ids);
		else await removeFreeTextAnswers(tx, ids);
		const rowKept = mode === 'anonymise' || pairIds.length > 0;
		if (rowKept) await anonymiseParticipantRows(tx, ids, program.default_language, now);
		else await tx.deleteFrom('participants').where('id', '=', person.id).execute();
		await scrubImports(tx, program.id, (content) => mentionsIdentity(content, pattern));
		await sweepIdentity(
			tx,
			{ organizationId: program.organization_id, programId: program.id },
			{ program: pattern, organization: identityPattern([person], { nameParts: false }) }
		);
		await recordAudit(
			tx,
			{
				organizationId: actor.organization_id,
				actorStaffId: actor.id,
				action: 'participant.erased',
				targetType: 'participant',
				targetId: person.id,
				detail: { mode },
				ip
			},
			now
		);
		return { rowKept };
	});
	await forgetOldVersions(db);
	return result;
}
