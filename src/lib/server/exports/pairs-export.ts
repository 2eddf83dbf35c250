import { dateIn } from '$lib/time/days';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { organizationTimeZone } from '../organizations/time-zone';
import { FINAL_PAIR_STATUSES } from '../pairs/pairs';
import type { ExportTable } from './export-table';
import { programPseudonyms } from './pseudonyms';

/**
 * One row per pair: its code and its two people's (as in the other exports), its status, the
 * days it started and ended (in the organization's time zone), why it ended (a code of
 * src/lib/pairs/closure.ts), for a protégé paired again the code of the pair it follows, and
 * what each side said in the exit survey (met expectations 1–5, what helped most as a code).
 */
export async function pairsTable(db: DbOrTx, program: Program): Promise<ExportTable> {
	const zone = await organizationTimeZone(db, program.organization_id);
	const pairs = await db
		.selectFrom('pairs')
		.select([
			'id',
			'mentor_id',
			'protege_id',
			'status',
			'closure_reason',
			'follows_pair_id',
			'created_at',
			(eb) =>
				eb
					.selectFrom('pair_status_changes')
					.select((inner) => inner.fn.max('pair_status_changes.changed_at').as('at'))
					.whereRef('pair_status_changes.pair_id', '=', 'pairs.id')
					.where('pair_status_changes.to_status', 'in', FINAL_PAIR_STATUSES)
					.as('ended_at')
		])
		.where('program_id', '=', program.id)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	const exits = await db
		.selectFrom('exit_surveys')
		.select(['pair_id', 'role', 'met_expectations', 'helped_most'])
		.where('program_id', '=', program.id)
		.where('answered_at', 'is not', null)
		.execute();
	const exitOf = (pairId: string, role: 'mentor' | 'protege') =>
		exits.find((exit) => exit.pair_id === pairId && exit.role === role);
	const code = await programPseudonyms(db, program);
	return {
		columns: [
			'program',
			'pair',
			'mentor',
			'protege',
			'pair_status',
			'started_on',
			'ended_on',
			'closure_reason',
			'follows_pair',
			'mentor_exit_met_expectations',
			'mentor_exit_helped_most',
			'protege_exit_met_expectations',
			'protege_exit_helped_most'
		],
		rows: pairs.map((pair) => ({
			program: program.name,
			pair: code('pair', pair.id),
			mentor: code('participant', pair.mentor_id),
			protege: code('participant', pair.protege_id),
			pair_status: pair.status,
			started_on: dateIn(pair.created_at, zone),
			ended_on: pair.ended_at === null ? null : dateIn(Number(pair.ended_at), zone),
			closure_reason: pair.closure_reason,
			follows_pair: pair.follows_pair_id ? code('pair', pair.follows_pair_id) : null,
			mentor_exit_met_expectations: exitOf(pair.id, 'mentor')?.met_expectations ?? null,
			mentor_exit_helped_most: exitOf(pair.id, 'mentor')?.helped_most ?? null,
			protege_exit_met_expectations: exitOf(pair.id, 'protege')?.met_expectations ?? null,
			protege_exit_helped_most: exitOf(pair.id, 'protege')?.helped_most ?? null
		}))
	};
}
