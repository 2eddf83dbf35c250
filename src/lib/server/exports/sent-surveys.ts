import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';

/** How many surveys of the program were sent: the ones the exports contain. */
export async function countSentSurveys(db: DbOrTx, program: Program): Promise<number> {
	const { count } = await db
		.selectFrom('assignments')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('rounds.program_id', '=', program.id)
		.where('assignments.status', '=', 'submitted')
		.executeTakeFirstOrThrow();
	return Number(count);
}
