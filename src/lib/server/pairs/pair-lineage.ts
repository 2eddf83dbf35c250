import type { DbOrTx } from '../db';
import type { Pair, Program } from '../db/schema';
import { pairablePeople, pairsWithPeople, type PairablePerson } from './pairs';

/** Another pair of the same protégé, as a link on a pair's page. */
export interface LinkedPair {
	id: string;
	mentorName: string;
}

/** The pair this one pairs the protégé again after, and the pairs that followed this one. */
export interface PairLineage {
	follows: LinkedPair | null;
	followedBy: LinkedPair[];
	/** For a pair that ended early, its protégé still free: the mentors free to pair them again. */
	rematch: { mentors: PairablePerson[] } | null;
}

export async function pairLineage(
	db: DbOrTx,
	program: Pick<Program, 'id' | 'organization_id' | 'mentor_multiple_proteges' | 'status'>,
	pair: Pick<Pair, 'id' | 'status' | 'protege_id' | 'mentor_id' | 'follows_pair_id'>
): Promise<PairLineage> {
	const linked = await pairsWithPeople(db)
		.select(['pairs.id', 'pairs.follows_pair_id', 'mentor.name as mentorName'])
		.where('pairs.program_id', '=', program.id)
		.where((eb) =>
			eb.or([
				eb('pairs.id', '=', pair.follows_pair_id ?? ''),
				eb('pairs.follows_pair_id', '=', pair.id)
			])
		)
		.orderBy('pairs.created_at')
		.execute();
	const link = ({ id, mentorName }: LinkedPair) => ({ id, mentorName });
	const follows = linked.find((p) => p.id === pair.follows_pair_id);
	const followedBy = linked.filter((p) => p.follows_pair_id === pair.id).map(link);
	let rematch: PairLineage['rematch'] = null;
	if (pair.status === 'ended_early' && program.status !== 'closed') {
		const free = await pairablePeople(db, program);
		if (free.proteges.some((p) => p.id === pair.protege_id))
			rematch = { mentors: free.mentors.filter((m) => m.id !== pair.mentor_id) };
	}
	return { follows: follows ? link(follows) : null, followedBy, rematch };
}
