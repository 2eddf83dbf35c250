import type { Db, DbOrTx } from '../db';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../instruments/instruments';
import { organizationToday } from '../organizations/time-zone';
import { generateId } from '../util/ids';
import { isOwnPair } from './pair-access';

export interface FollowUpView {
	id: string;
	what: string;
	assigneeName: string | null;
	/** ISO date (YYYY-MM-DD). */
	dueOn: string | null;
	overdue: boolean;
	doneAt: number | null;
	doneByName: string | null;
	createdAt: number;
}

export interface NewFollowUp {
	what: string;
	assigneeId: string | null;
	dueOn: string | null;
}

export interface Assignee {
	id: string;
	name: string;
}

export type FollowUpResult =
	{ ok: true; followUpId: string } | { ok: false; reason: 'not_found' | 'assignee_unavailable' };

/** Staff who can take on a follow-up: the organization's active accounts. */
export async function listAssignees(db: DbOrTx, organizationId: string): Promise<Assignee[]> {
	return db
		.selectFrom('staff_users')
		.select(['id', 'name'])
		.where('organization_id', '=', organizationId)
		.where('status', '=', 'active')
		.orderBy('name')
		.orderBy('id')
		.execute();
}

/** Open items first, soonest due first (undated last); then done items, most recently done first. */
export function compareFollowUps(a: FollowUpView, b: FollowUpView): number {
	if ((a.doneAt === null) !== (b.doneAt === null)) return a.doneAt === null ? -1 : 1;
	if (a.doneAt !== null && b.doneAt !== null) return b.doneAt - a.doneAt;
	if (a.dueOn !== b.dueOn) {
		if (a.dueOn === null) return 1;
		if (b.dueOn === null) return -1;
		return a.dueOn < b.dueOn ? -1 : 1;
	}
	return a.createdAt - b.createdAt;
}

export async function listPairFollowUps(
	db: DbOrTx,
	organizationId: string,
	pairId: string,
	today?: string
): Promise<FollowUpView[]> {
	const day = today ?? (await organizationToday(db, organizationId));
	const rows = await db
		.selectFrom('pair_follow_ups')
		.leftJoin('staff_users as assignee', 'assignee.id', 'pair_follow_ups.assignee_staff_id')
		.leftJoin('staff_users as closer', 'closer.id', 'pair_follow_ups.done_by')
		.select([
			'pair_follow_ups.id',
			'pair_follow_ups.what',
			'assignee.name as assigneeName',
			'pair_follow_ups.due_on as dueOn',
			'pair_follow_ups.done_at as doneAt',
			'closer.name as doneByName',
			'pair_follow_ups.created_at as createdAt'
		])
		.where('pair_follow_ups.organization_id', '=', organizationId)
		.where('pair_follow_ups.pair_id', '=', pairId)
		.execute();
	return rows
		.map((row) => ({
			...row,
			overdue: row.doneAt === null && row.dueOn !== null && row.dueOn < day
		}))
		.sort(compareFollowUps);
}

async function isActiveStaffOrNone(tx: DbOrTx, organizationId: string, staffId: string | null) {
	if (!staffId) return true;
	const row = await tx
		.selectFrom('staff_users')
		.select('id')
		.where('id', '=', staffId)
		.where('organization_id', '=', organizationId)
		.where('status', '=', 'active')
		.executeTakeFirst();
	return row !== undefined;
}

export async function addPairFollowUp(
	db: Db,
	actor: Actor,
	pairId: string,
	input: NewFollowUp,
	ip: string | null,
	now = Date.now()
): Promise<FollowUpResult> {
	return db.transaction().execute(async (tx): Promise<FollowUpResult> => {
		const org = actor.organization_id;
		if (!(await isOwnPair(tx, org, pairId))) return { ok: false, reason: 'not_found' };
		if (!(await isActiveStaffOrNone(tx, org, input.assigneeId)))
			return { ok: false, reason: 'assignee_unavailable' };
		const followUpId = generateId();
		await tx
			.insertInto('pair_follow_ups')
			.values({
				id: followUpId,
				organization_id: org,
				pair_id: pairId,
				what: input.what,
				assignee_staff_id: input.assigneeId,
				due_on: input.dueOn,
				done_at: null,
				done_by: null,
				created_by: actor.id,
				created_at: now
			})
			.execute();
		await recordAudit(
			tx,
			{
				organizationId: org,
				actorStaffId: actor.id,
				action: 'pair.follow_up_added',
				targetType: 'pair',
				targetId: pairId,
				detail: { followUpId, assigneeId: input.assigneeId, dueOn: input.dueOn },
				ip
			},
			now
		);
		return { ok: true, followUpId };
	});
}

/** Marks a follow-up done, or open again. Asking for the state it is already in changes nothing. */
export async function setFollowUpDone(
	db: Db,
	actor: Actor,
	pairId: string,
	followUpId: string,
	done: boolean,
	ip: string | null,
	now = Date.now()
): Promise<FollowUpResult> {
	return db.transaction().execute(async (tx): Promise<FollowUpResult> => {
		const followUp = await tx
			.selectFrom('pair_follow_ups')
			.select(['id', 'done_at'])
			.where('id', '=', followUpId)
			.where('pair_id', '=', pairId)
			.where('organization_id', '=', actor.organization_id)
			.executeTakeFirst();
		if (!followUp) return { ok: false, reason: 'not_found' };
		if ((followUp.done_at !== null) === done) return { ok: true, followUpId };
		await tx
			.updateTable('pair_follow_ups')
			.set(done ? { done_at: now, done_by: actor.id } : { done_at: null, done_by: null })
			.where('id', '=', followUpId)
			.execute();
		await recordAudit(
			tx,
			{
				organizationId: actor.organization_id,
				actorStaffId: actor.id,
				action: done ? 'pair.follow_up_done' : 'pair.follow_up_reopened',
				targetType: 'pair',
				targetId: pairId,
				detail: { followUpId },
				ip
			},
			now
		);
		return { ok: true, followUpId };
	});
}
