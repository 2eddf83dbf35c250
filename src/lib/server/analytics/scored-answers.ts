import { sql } from 'kysely';
import type { DbOrTx } from '../db';
import { jsonObjectText } from '../db/engine';

/** Surveys per statement, within every engine's limit on bound values. */
const BATCH = 500;

/**
 * Keeps what the metrics read of sent surveys as one row each (scored_answers): their answers to
 * every item but free text, as stored. Called in the transaction that sends them; a survey not
 * sent, or already kept, is left as it is.
 */
export async function storeScoredAnswers(db: DbOrTx, assignmentIds: string[]): Promise<void> {
	for (let start = 0; start < assignmentIds.length; start += BATCH) {
		const batch = assignmentIds.slice(start, start + BATCH);
		await db
			.insertInto('scored_answers')
			.columns(['assignment_id', 'answers'])
			.expression((eb) =>
				eb
					.selectFrom('assignments')
					.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
					.select((eb) => [
						'assignments.id',
						eb.fn
							.coalesce(
								eb
									.selectFrom('responses')
									.innerJoin('instrument_items', (join) =>
										join
											.onRef('instrument_items.key', '=', 'responses.item_key')
											.onRef('instrument_items.version_id', '=', 'rounds.instrument_version_id')
									)
									.select(jsonObjectText(db, 'responses.item_key', 'responses.value').as('a'))
									.whereRef('responses.assignment_id', '=', 'assignments.id')
									.where('instrument_items.type', '!=', 'text'),
								sql.lit('{}')
							)
							.as('answers')
					])
					.where('assignments.id', 'in', batch)
					.where('assignments.status', '=', 'submitted')
			)
			.onConflict((oc) => oc.column('assignment_id').doNothing())
			.execute();
	}
}
