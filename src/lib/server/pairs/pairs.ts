import type { DbOrTx } from '../db';
import type { Pair, PairStatus, PairStatusChange, Program } from '../db/schema';

/** A pair still running: its people are not free to be paired again. */
export const OPEN_PAIR_STATUSES: PairStatus[] = ['active', 'paused'];
export const FINAL_PAIR_STATUSES: PairStatus[] = ['ended_early', 'completed'];

export interface PairView extends Pair {
	mentorName: string;
	protegeName: string;
	mentorEmail: string;
	mentorPhone: string | null;
	protegeEmail: string;
	protegePhone: string | null;
	employerName: string | null;
	coordinatorName: string | null;
}

/** Pairs joined with their two people, as `mentor` and `protege`. */
export function pairsWithPeople(db: DbOrTx) {
	return db
		.selectFrom('pairs')
		.innerJoin('participants as mentor', 'mentor.id', 'pairs.mentor_id')
		.innerJoin('participants as protege', 'protege.id', 'pairs.protege_id');
}

function pairsWithNames(db: DbOrTx) {
	return pairsWithPeople(db)
		.leftJoin('employers', 'employers.id', 'pairs.employer_id')
		.leftJoin('staff_users', 'staff_users.id', 'pairs.coordinator_id')
		.selectAll('pairs')
		.select([
			'mentor.name as mentorName',
			'protege.name as protegeName',
			'mentor.email as mentorEmail',
			'mentor.phone as mentorPhone',
			'protege.email as protegeEmail',
			'protege.phone as protegePhone',
			'employers.name as employerName',
			'staff_users.name as coordinatorName'
		]);
}

export async function listPairs(
	db: DbOrTx,
	organizationId: string,
	programId: string
): Promise<PairView[]> {
	return pairsWithNames(db)
		.where('pairs.program_id', '=', programId)
		.where('pairs.organization_id', '=', organizationId)
		.orderBy('protege.name')
		.execute();
}

/** What a list of many pairs shows of each: who is in it and where it stands. */
export type PairNames = Pick<PairView, 'id' | 'status' | 'mentorName' | 'protegeName'>;

/** Every pair of a program, named, and no more: a program may have thousands. */
export async function listPairNames(
	db: DbOrTx,
	organizationId: string,
	programId: string
): Promise<PairNames[]> {
	return pairsWithPeople(db)
		.select([
			'pairs.id',
			'pairs.status',
			'mentor.name as mentorName',
			'protege.name as protegeName'
		])
		.where('pairs.program_id', '=', programId)
		.where('pairs.organization_id', '=', organizationId)
		.execute();
}

/** Null when the pair is not in this organization's program: callers answer 404. */
export async function findPair(
	db: DbOrTx,
	organizationId: string,
	programId: string,
	pairId: string
): Promise<PairView | null> {
	const row = await pairsWithNames(db)
		.where('pairs.id', '=', pairId)
		.where('pairs.program_id', '=', programId)
		.where('pairs.organization_id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

export interface HistoryEntry extends PairStatusChange {
	changedByName: string | null;
}

export async function pairHistory(db: DbOrTx, pairId: string): Promise<HistoryEntry[]> {
	return db
		.selectFrom('pair_status_changes')
		.leftJoin('staff_users', 'staff_users.id', 'pair_status_changes.changed_by')
		.selectAll('pair_status_changes')
		.select('staff_users.name as changedByName')
		.where('pair_id', '=', pairId)
		.orderBy('changed_at', 'desc')
		.execute();
}

export interface PairablePerson {
	id: string;
	name: string;
	occupation: string | null;
}

/**
 * Who can be paired now: active protégés in no running pair, and active mentors in none (or
 * any active mentor when the program lets a mentor take several protégés). Read in SQL, as a
 * large program's people are nearly all paired.
 */
export async function pairablePeople(
	db: DbOrTx,
	program: Pick<Program, 'id' | 'organization_id' | 'mentor_multiple_proteges'>
): Promise<{ mentors: PairablePerson[]; proteges: PairablePerson[] }> {
	const free = (role: 'mentor' | 'protege') =>
		db
			.selectFrom('participants')
			.select(['id', 'name', 'occupation'])
			.where('program_id', '=', program.id)
			.where('organization_id', '=', program.organization_id)
			.where('role', '=', role)
			.where('status', '=', 'active')
			.$if(role === 'protege' || program.mentor_multiple_proteges !== 1, (qb) =>
				qb.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('pairs')
								.select('pairs.id')
								.whereRef(
									role === 'mentor' ? 'pairs.mentor_id' : 'pairs.protege_id',
									'=',
									'participants.id'
								)
								.where('pairs.status', 'in', OPEN_PAIR_STATUSES)
						)
					)
				)
			)
			.orderBy('name')
			.orderBy('id')
			.execute();
	const [mentors, proteges] = await Promise.all([free('mentor'), free('protege')]);
	return { mentors, proteges };
}

/** Ids of people in an open pair of this program, by role. */
export async function pairedPeople(
	db: DbOrTx,
	programId: string
): Promise<{ mentors: Set<string>; proteges: Set<string> }> {
	const rows = await db
		.selectFrom('pairs')
		.select(['mentor_id', 'protege_id'])
		.where('program_id', '=', programId)
		.where('status', 'in', OPEN_PAIR_STATUSES)
		.execute();
	return {
		mentors: new Set(rows.map((r) => r.mentor_id)),
		proteges: new Set(rows.map((r) => r.protege_id))
	};
}
