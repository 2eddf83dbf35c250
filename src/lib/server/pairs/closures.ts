import { CLOSURE_REASONS, type ClosureReason } from '$lib/pairs/closure';
import type { DbOrTx } from '../db';
import { FINAL_PAIR_STATUSES } from './pairs';

/** How many of a program's pairs ended for one reason; null for pairs ended before reasons were asked. */
export interface ClosureCount {
	reason: ClosureReason | null;
	count: number;
}

/** A program's ended pairs counted by why they ended, in the reasons' order, unrecorded last. */
export async function closureCounts(db: DbOrTx, programId: string): Promise<ClosureCount[]> {
	const rows = await db
		.selectFrom('pairs')
		.select(['closure_reason', (eb) => eb.fn.countAll().as('count')])
		.where('program_id', '=', programId)
		.where('status', 'in', FINAL_PAIR_STATUSES)
		.groupBy('closure_reason')
		.execute();
	const order = (reason: ClosureReason | null) =>
		reason === null ? CLOSURE_REASONS.length : CLOSURE_REASONS.indexOf(reason);
	return rows
		.map((row) => ({ reason: row.closure_reason, count: Number(row.count) }))
		.sort((a, b) => order(a.reason) - order(b.reason));
}
