import { dateIn } from '$lib/time/days';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { organizationTimeZone } from '../organizations/time-zone';
import type { ExportTable } from './export-table';
import { programPseudonyms } from './pseudonyms';

export const CHECK_IN_COLUMNS = [
	'program',
	'pair',
	'participant',
	'role',
	'step',
	'due_on',
	'answered_on',
	'in_touch',
	'going',
	'wants_contact'
];

/**
 * One row per pulse check-in sent: the pair's and the person's codes (as in the other exports),
 * the step (0 the first after the pair started), the day it fell due and the day it was answered
 * (organization's time zone), and the three answers (1 yes, 0 no; going 1–5); a check-in never
 * answered has none.
 */
export async function checkInsTable(db: DbOrTx, program: Program): Promise<ExportTable> {
	const zone = await organizationTimeZone(db, program.organization_id);
	const code = await programPseudonyms(db, program);
	const rows = await db
		.selectFrom('pulse_check_ins')
		.select([
			'pair_id',
			'participant_id',
			'role',
			'step',
			'due_on',
			'answered_at',
			'in_touch',
			'going',
			'wants_contact'
		])
		.where('program_id', '=', program.id)
		.orderBy('due_on')
		.orderBy('pair_id')
		.orderBy('role')
		.execute();
	return {
		columns: CHECK_IN_COLUMNS,
		rows: rows.map((row) => ({
			program: program.name,
			pair: code('pair', row.pair_id),
			participant: code('participant', row.participant_id),
			role: row.role,
			step: row.step,
			due_on: row.due_on,
			answered_on: row.answered_at === null ? null : dateIn(Number(row.answered_at), zone),
			in_touch: row.in_touch,
			going: row.going,
			wants_contact: row.wants_contact
		}))
	};
}
