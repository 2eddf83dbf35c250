import type { PulseAnswer } from '$lib/alignment/pulse';
import type { DbOrTx } from '../db';
import type { PulseCheckIn } from '../db/schema';
import { sliced } from '../util/slices';

/** Rows per statement, within every engine's limit on bound values. */
const BATCH = 500;

/** An answered check-in as the risk rules read it, with its id (for pairs' fingerprints). */
export interface PairPulse extends PulseAnswer {
	id: string;
}

type AnsweredRow = Pick<
	PulseCheckIn,
	'id' | 'pair_id' | 'role' | 'step' | 'in_touch' | 'going' | 'wants_contact' | 'answered_at'
>;

const flag = (value: number | null) => (value === null ? null : value === 1);

function pulseOf(row: AnsweredRow): PairPulse {
	return {
		id: row.id,
		person: row.role,
		step: row.step,
		inTouch: flag(row.in_touch),
		going: row.going,
		wantsContact: flag(row.wants_contact),
		answeredAt: Number(row.answered_at)
	};
}

/**
 * The answered pulse check-ins of a program's pairs (or of some of them), by pair id, each
 * pair's in step order: what the risk rules weigh beside the surveys.
 */
export async function loadPulses(
	db: DbOrTx,
	programId: string,
	pairIds?: readonly string[]
): Promise<Map<string, PairPulse[]>> {
	const slices = pairIds === undefined ? [null] : sliced(pairIds, BATCH);
	const byPair = new Map<string, PairPulse[]>();
	for (const slice of slices) {
		const rows = await db
			.selectFrom('pulse_check_ins')
			.select([
				'id',
				'pair_id',
				'role',
				'step',
				'in_touch',
				'going',
				'wants_contact',
				'answered_at'
			])
			.where('program_id', '=', programId)
			.where('answered_at', 'is not', null)
			.$if(slice !== null, (qb) => qb.where('pair_id', 'in', slice!))
			.orderBy('pair_id')
			.orderBy('step')
			.orderBy('id')
			.execute();
		for (const row of rows) {
			const own = byPair.get(row.pair_id) ?? [];
			own.push(pulseOf(row));
			byPair.set(row.pair_id, own);
		}
	}
	return byPair;
}

/** How many check-ins of a program are answered and the latest answer's time: for its evidence stamp. */
export async function pulseStamp(db: DbOrTx, programId: string): Promise<[number, number]> {
	const row = await db
		.selectFrom('pulse_check_ins')
		.select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('answered_at').as('answered')])
		.where('program_id', '=', programId)
		.where('answered_at', 'is not', null)
		.executeTakeFirst();
	return [Number(row?.count ?? 0), Number(row?.answered ?? 0)];
}
