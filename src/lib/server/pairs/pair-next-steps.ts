import type { DbOrTx } from '../db';
import { organizationToday } from '../organizations/time-zone';

/** What a coordinator planned for a pair, or last wrote about it: one line in a list of pairs. */
export type NextStep =
	| { kind: 'overdue' | 'due'; what: string; dueOn: string }
	| { kind: 'open'; what: string }
	| { kind: 'note'; at: number };

/**
 * Per pair, the open follow-up due soonest (undated ones after dated ones), or else the time of
 * the latest note; pairs with neither are left out. Reads only the pairs asked for.
 */
export async function nextStepsOf(
	db: DbOrTx,
	organizationId: string,
	pairIds: readonly string[],
	today?: string
): Promise<Map<string, NextStep>> {
	const steps = new Map<string, NextStep>();
	if (pairIds.length === 0) return steps;
	const [followUps, notes, day] = await Promise.all([
		db
			.selectFrom('pair_follow_ups')
			.select(['pair_id', 'what', 'due_on', 'created_at'])
			.where('organization_id', '=', organizationId)
			.where('pair_id', 'in', pairIds)
			.where('done_at', 'is', null)
			.execute(),
		db
			.selectFrom('pair_notes')
			.select(['pair_id', (eb) => eb.fn.max('created_at').as('at')])
			.where('organization_id', '=', organizationId)
			.where('pair_id', 'in', pairIds)
			.groupBy('pair_id')
			.execute(),
		today ?? organizationToday(db, organizationId)
	]);
	const soonest = (due: string | null) => due ?? '9999-12-31';
	followUps.sort(
		(a, b) => soonest(a.due_on).localeCompare(soonest(b.due_on)) || a.created_at - b.created_at
	);
	for (const { pair_id, what, due_on } of followUps) {
		if (steps.has(pair_id)) continue;
		steps.set(
			pair_id,
			due_on === null
				? { kind: 'open', what }
				: { kind: due_on < day ? 'overdue' : 'due', what, dueOn: due_on }
		);
	}
	for (const { pair_id, at } of notes)
		if (!steps.has(pair_id)) steps.set(pair_id, { kind: 'note', at: Number(at) });
	return steps;
}
