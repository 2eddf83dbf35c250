import type { Db, DbOrTx } from '../db';
import type { MatchLockKind, Program } from '../db/schema';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../instruments/instruments';
import { generateId } from '../util/ids';

export interface LockedPair {
	mentorId: string;
	protegeId: string;
}

/** Whether both people are this program's, a mentor and a protégé. */
async function bothInProgram(tx: DbOrTx, program: Program, pair: LockedPair): Promise<boolean> {
	const people = await tx
		.selectFrom('participants')
		.select(['id', 'role'])
		.where('program_id', '=', program.id)
		.where('organization_id', '=', program.organization_id)
		.where('id', 'in', [pair.mentorId, pair.protegeId])
		.execute();
	return (
		people.some((p) => p.id === pair.mentorId && p.role === 'mentor') &&
		people.some((p) => p.id === pair.protegeId && p.role === 'protege')
	);
}

/**
 * Sets a coordinator's lock on a mentor and a protégé: `must` keeps them together in every
 * suggestion (a protégé has one such lock: setting another replaces it), `never` keeps them
 * apart. Audited. False when either person is not this program's.
 */
export async function setMatchLock(
	db: Db,
	actor: Actor,
	program: Program,
	pair: LockedPair,
	kind: MatchLockKind,
	ip: string | null,
	now = Date.now()
): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		if (!(await bothInProgram(tx, program, pair))) return false;
		await tx
			.deleteFrom('match_locks')
			.where('program_id', '=', program.id)
			.where('protege_id', '=', pair.protegeId)
			.where((eb) =>
				kind === 'must'
					? eb.or([eb('mentor_id', '=', pair.mentorId), eb('kind', '=', 'must')])
					: eb('mentor_id', '=', pair.mentorId)
			)
			.execute();
		await tx
			.insertInto('match_locks')
			.values({
				id: generateId(),
				organization_id: program.organization_id,
				program_id: program.id,
				mentor_id: pair.mentorId,
				protege_id: pair.protegeId,
				kind,
				created_by: actor.id,
				created_at: now
			})
			.execute();
		await recordAudit(
			tx,
			{
				organizationId: actor.organization_id,
				actorStaffId: actor.id,
				action: 'matching.lock_set',
				targetType: 'program',
				targetId: program.id,
				detail: { kind, mentor: pair.mentorId, protege: pair.protegeId },
				ip
			},
			now
		);
		return true;
	});
}

/** Removes a lock of this program, audited; false when there was none. */
export async function removeMatchLock(
	db: Db,
	actor: Actor,
	program: Program,
	pair: LockedPair,
	ip: string | null,
	now = Date.now()
): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		const removed = await tx
			.deleteFrom('match_locks')
			.where('program_id', '=', program.id)
			.where('mentor_id', '=', pair.mentorId)
			.where('protege_id', '=', pair.protegeId)
			.executeTakeFirst();
		if (removed.numDeletedRows === 0n) return false;
		await recordAudit(
			tx,
			{
				organizationId: actor.organization_id,
				actorStaffId: actor.id,
				action: 'matching.lock_removed',
				targetType: 'program',
				targetId: program.id,
				detail: { mentor: pair.mentorId, protege: pair.protegeId },
				ip
			},
			now
		);
		return true;
	});
}
