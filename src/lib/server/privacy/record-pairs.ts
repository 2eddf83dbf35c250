import type { DbOrTx } from '../db';
import { pairsWithPeople } from '../pairs/pairs';
import { iso } from './record-time';

/** The person's pairs as they appear in their record: partner, history, notes and follow-ups. */
export async function pairsWithTalk(db: DbOrTx, participantId: string) {
	const pairs = await pairsWithPeople(db)
		.select([
			'pairs.id',
			'pairs.status',
			'pairs.created_at',
			'pairs.mentor_id',
			'mentor.name as mentorName',
			'protege.name as protegeName'
		])
		.where((eb) =>
			eb.or([eb('pairs.mentor_id', '=', participantId), eb('pairs.protege_id', '=', participantId)])
		)
		.orderBy('pairs.created_at')
		.execute();
	return Promise.all(
		pairs.map(async (pair) => {
			const [history, notes, followUps] = await Promise.all([
				db
					.selectFrom('pair_status_changes')
					.select(['from_status', 'to_status', 'reason', 'changed_at'])
					.where('pair_id', '=', pair.id)
					.orderBy('changed_at')
					.execute(),
				db
					.selectFrom('pair_notes')
					.innerJoin('staff_users', 'staff_users.id', 'pair_notes.author_staff_id')
					.select(['pair_notes.body', 'pair_notes.created_at', 'staff_users.name'])
					.where('pair_notes.pair_id', '=', pair.id)
					.orderBy('pair_notes.created_at')
					.execute(),
				db
					.selectFrom('pair_follow_ups')
					.select(['what', 'due_on', 'done_at', 'created_at'])
					.where('pair_id', '=', pair.id)
					.orderBy('created_at')
					.execute()
			]);
			const asMentor = pair.mentor_id === participantId;
			return {
				id: pair.id,
				as: asMentor ? 'mentor' : 'protege',
				partner: asMentor ? pair.protegeName : pair.mentorName,
				status: pair.status,
				created_at: iso(pair.created_at),
				history: history.map((h) => ({
					from: h.from_status,
					to: h.to_status,
					reason: h.reason,
					at: iso(h.changed_at)
				})),
				notes: notes.map((n) => ({ body: n.body, by: n.name, at: iso(n.created_at) })),
				follow_ups: followUps.map((f) => ({
					what: f.what,
					due_on: f.due_on,
					done_at: iso(f.done_at),
					added_at: iso(f.created_at)
				}))
			};
		})
	);
}
