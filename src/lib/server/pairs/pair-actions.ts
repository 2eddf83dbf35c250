import type { ClosureReason } from '$lib/pairs/closure';
import type { Db, DbOrTx } from '../db';
import type { PairStatus, Program } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { isOwnEmployerOrNone } from '../employers/employers';
import { isOwnStaffOrNone } from '../staff/staff';
import type { Actor } from '../instruments/instruments';
import { generateId } from '../util/ids';
import { FINAL_PAIR_STATUSES, OPEN_PAIR_STATUSES, pairedPeople } from './pairs';

export interface NewPair {
	mentorId: string;
	protegeId: string;
	employerId: string | null;
	coordinatorId: string | null;
}

export type PairRefusal =
	| 'not_found'
	| 'withdrawn'
	| 'mentor_taken'
	| 'protege_taken'
	| 'same_status'
	| 'final'
	| 'closure_reason'
	| 'program_closed';

export type PairResult = { ok: true; pairId: string } | { ok: false; reason: PairRefusal };

async function recordChange(
	tx: DbOrTx,
	pairId: string,
	from: PairStatus | null,
	to: PairStatus,
	reason: string,
	actor: PairActor | null,
	now: number
) {
	await tx
		.insertInto('pair_status_changes')
		.values({
			id: generateId(),
			pair_id: pairId,
			from_status: from,
			to_status: to,
			reason,
			changed_by: actor?.id ?? null,
			changed_at: now
		})
		.execute();
}

/** How many running pairs a mentor is in. */
async function runningPairsOf(tx: DbOrTx, programId: string, mentorId: string): Promise<number> {
	const row = await tx
		.selectFrom('pairs')
		.select((eb) => eb.fn.countAll<string | number>().as('count'))
		.where('program_id', '=', programId)
		.where('mentor_id', '=', mentorId)
		.where('status', 'in', OPEN_PAIR_STATUSES)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/**
 * Pairs an active mentor with an active, unpaired protégé of the same program, inside the
 * caller's transaction. A mentor takes protégés up to their capacity (one unless set), or any
 * number when the program lets mentors take several. `suggested` marks a pair accepted from the
 * matching page in its audit entry.
 */
async function insertPair(
	tx: DbOrTx,
	actor: Actor,
	program: Program,
	input: NewPair,
	ip: string | null,
	now: number,
	suggested: boolean
): Promise<PairResult> {
	if (program.status === 'closed') return { ok: false, reason: 'program_closed' };
	const people = await tx
		.selectFrom('participants')
		.select(['id', 'role', 'status', 'employer_id', 'capacity'])
		.where('program_id', '=', program.id)
		.where('id', 'in', [input.mentorId, input.protegeId])
		.execute();
	const mentor = people.find((p) => p.id === input.mentorId && p.role === 'mentor');
	const protege = people.find((p) => p.id === input.protegeId && p.role === 'protege');
	if (!mentor || !protege) return { ok: false, reason: 'not_found' };
	if (mentor.status !== 'active' || protege.status !== 'active')
		return { ok: false, reason: 'withdrawn' };
	const paired = await pairedPeople(tx, program.id);
	if (paired.proteges.has(protege.id)) return { ok: false, reason: 'protege_taken' };
	if (
		!program.mentor_multiple_proteges &&
		paired.mentors.has(mentor.id) &&
		(await runningPairsOf(tx, program.id, mentor.id)) >= (mentor.capacity ?? 1)
	)
		return { ok: false, reason: 'mentor_taken' };
	const org = actor.organization_id;
	if (
		!(await isOwnEmployerOrNone(tx, org, input.employerId)) ||
		!(await isOwnStaffOrNone(tx, org, input.coordinatorId))
	) {
		return { ok: false, reason: 'not_found' };
	}
	// Pairing a protégé whose last pair here ended early pairs them again: the new pair follows it.
	const earlier = await tx
		.selectFrom('pairs')
		.select('id')
		.where('program_id', '=', program.id)
		.where('protege_id', '=', protege.id)
		.where('status', '=', 'ended_early')
		.orderBy('updated_at', 'desc')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	const pairId = generateId();
	await tx
		.insertInto('pairs')
		.values({
			id: pairId,
			organization_id: actor.organization_id,
			program_id: program.id,
			mentor_id: mentor.id,
			protege_id: protege.id,
			// A mentor supplied by an employer brings that employer to the pair unless told otherwise.
			employer_id: input.employerId ?? mentor.employer_id,
			coordinator_id: input.coordinatorId,
			status: 'active',
			follows_pair_id: earlier?.id ?? null,
			created_at: now,
			updated_at: now
		})
		.execute();
	await recordChange(tx, pairId, null, 'active', '', actor, now);
	await recordAudit(
		tx,
		{
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'pair.created',
			targetType: 'pair',
			targetId: pairId,
			...(suggested || earlier
				? {
						detail: {
							...(suggested ? { suggested: true } : {}),
							...(earlier ? { follows: earlier.id } : {})
						}
					}
				: {}),
			ip
		},
		now
	);
	return { ok: true, pairId };
}

/** Pairs an active mentor with an active, unpaired protégé of the same program. */
export async function createPair(
	db: Db,
	actor: Actor,
	program: Program,
	input: NewPair,
	ip: string | null,
	now = Date.now()
): Promise<PairResult> {
	return db.transaction().execute((tx) => insertPair(tx, actor, program, input, ip, now, false));
}

/**
 * Pairs accepted from suggestions, in one transaction, each checked and recorded exactly as a pair
 * made by hand; one refused (someone was paired meanwhile) leaves the others to be made.
 */
export async function createSuggestedPairs(
	db: Db,
	actor: Actor,
	program: Program,
	inputs: NewPair[],
	ip: string | null,
	now = Date.now()
): Promise<PairResult[]> {
	return db.transaction().execute(async (tx) => {
		const results: PairResult[] = [];
		for (const input of inputs)
			results.push(await insertPair(tx, actor, program, input, ip, now, true));
		return results;
	});
}

/** Who changes a pair: a staff member, or no one (id null) when a participant withdraws themselves. */
export type PairActor = Pick<Actor, 'organization_id'> & { id: string | null };

/** A change of a pair's status; ending it (ended early or completed) takes a coded reason. */
export interface PairStatusChange {
	status: PairStatus;
	reason: string;
	closureReason?: ClosureReason | null;
}

/**
 * A status change always carries a reason and stays in the pair's history; ending a pair also
 * records why, as a code (closure.ts). Ended pairs stay ended.
 */
export async function changePairStatus(
	db: DbOrTx,
	actor: PairActor,
	pair: { id: string; status: PairStatus },
	change: PairStatusChange,
	ip: string | null,
	now = Date.now()
): Promise<PairResult> {
	if (change.status === pair.status) return { ok: false, reason: 'same_status' };
	if (FINAL_PAIR_STATUSES.includes(pair.status)) return { ok: false, reason: 'final' };
	const ending = FINAL_PAIR_STATUSES.includes(change.status);
	if (ending && !change.closureReason) return { ok: false, reason: 'closure_reason' };
	const closureReason = ending ? change.closureReason! : null;
	const updated = await db
		.updateTable('pairs')
		.set({ status: change.status, closure_reason: closureReason, updated_at: now })
		.where('id', '=', pair.id)
		.where('status', '=', pair.status)
		.executeTakeFirst();
	if (updated.numUpdatedRows !== 1n) return { ok: false, reason: 'not_found' };
	await recordChange(db, pair.id, pair.status, change.status, change.reason, actor, now);
	await recordAudit(
		db,
		{
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'pair.status_changed',
			targetType: 'pair',
			targetId: pair.id,
			detail: {
				from: pair.status,
				to: change.status,
				...(closureReason ? { closure: closureReason } : {})
			},
			ip
		},
		now
	);
	return { ok: true, pairId: pair.id };
}

/** When someone withdraws, their running pairs end early, each with the reason in its history. */
export async function endPairsOf(
	db: DbOrTx,
	actor: PairActor,
	participantId: string,
	reason: string,
	ip: string | null,
	now = Date.now()
): Promise<void> {
	const open = await db
		.selectFrom('pairs')
		.select(['id', 'status'])
		.where((eb) =>
			eb.or([eb('mentor_id', '=', participantId), eb('protege_id', '=', participantId)])
		)
		.where('status', 'in', OPEN_PAIR_STATUSES)
		.execute();
	for (const pair of open)
		await changePairStatus(
			db,
			actor,
			pair,
			{ status: 'ended_early', reason, closureReason: 'withdrew' },
			ip,
			now
		);
}

/** Finds the pair in this organization's program and changes its status in one transaction. */
export async function changePairStatusIn(
	db: Db,
	actor: Actor,
	programId: string,
	pairId: string,
	change: PairStatusChange,
	ip: string | null
): Promise<PairResult> {
	return db.transaction().execute(async (tx) => {
		const pair = await tx
			.selectFrom('pairs')
			.select(['id', 'status'])
			.where('id', '=', pairId)
			.where('program_id', '=', programId)
			.where('organization_id', '=', actor.organization_id)
			.executeTakeFirst();
		if (!pair) return { ok: false, reason: 'not_found' } as const;
		return changePairStatus(tx, actor, pair, change, ip);
	});
}
