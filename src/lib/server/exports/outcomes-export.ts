import { dateIn } from '$lib/time/days';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { organizationTimeZone } from '../organizations/time-zone';
import type { ExportTable } from './export-table';
import { programPseudonyms } from './pseudonyms';

export const OUTCOME_COLUMNS = [
	'program',
	'pair',
	'participant',
	'role',
	'months',
	'due_on',
	'answered_on',
	'work',
	'found_through',
	'in_touch'
];

/**
 * One row per follow-up survey sent after the program: the pair's and the person's codes, how
 * many months after the program's end, the days it fell due and was answered, and the answers (a
 * protégé's work now and how they found it, as codes; a mentor's still in touch, 1 or 0). Job
 * titles, typed in people's own words, stay in Tandem.
 */
export async function outcomesTable(db: DbOrTx, program: Program): Promise<ExportTable> {
	const zone = await organizationTimeZone(db, program.organization_id);
	const code = await programPseudonyms(db, program);
	const rows = await db
		.selectFrom('outcome_follow_ups')
		.select([
			'pair_id',
			'participant_id',
			'role',
			'months',
			'due_on',
			'answered_at',
			'work',
			'found_through',
			'in_touch'
		])
		.where('program_id', '=', program.id)
		.orderBy('months')
		.orderBy('pair_id')
		.orderBy('role')
		.execute();
	return {
		columns: OUTCOME_COLUMNS,
		rows: rows.map((row) => ({
			program: program.name,
			pair: code('pair', row.pair_id),
			participant: code('participant', row.participant_id),
			role: row.role,
			months: row.months,
			due_on: row.due_on,
			answered_on: row.answered_at === null ? null : dateIn(Number(row.answered_at), zone),
			work: row.work,
			found_through: row.found_through,
			in_touch: row.in_touch
		}))
	};
}
