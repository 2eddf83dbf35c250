import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { ProgramEvidence } from '$lib/alignment/program-analysis';
import type { Wave } from '$lib/alignment/risk';
import type { ConstructDocument } from '$lib/instruments/types';
import { addDays } from '$lib/time/days';
import type { DbOrTx } from '../db';
import type { AssignmentRole, Program, Round } from '../db/schema';
import { roundState } from '../rounds/round-state';
import { roundDocument } from '../survey/assignments';
import { hear, type AssignmentRow, type PairRow, type RowIndex } from './evidence-rows';
import { loadScoredAnswers } from './submitted-answers';

/** A survey still unsent this many days after its round opened counts as overdue. */
export const OVERDUE_AFTER_DAYS = 14;

export interface RoleRate {
	role: AssignmentRole;
	total: number;
	submitted: number;
}

export interface RoundRates {
	round: Round;
	roles: RoleRate[];
}

/** A program's evidence for the metrics, and its rounds' response rates. */
export interface LoadedProgram {
	evidence: ProgramEvidence;
	rounds: RoundRates[];
}

const ROLE_ORDER: AssignmentRole[] = ['protege', 'mentor', 'employer', 'staff'];

/** Each round's surveys per role: how many, and how many sent, counted by the database. */
export async function countedRates(db: DbOrTx, rounds: Round[]): Promise<RoundRates[]> {
	const counts = rounds.length
		? await db
				.selectFrom('assignments')
				.select((eb) => [
					'round_id',
					'role',
					eb.fn.countAll().as('total'),
					eb.fn
						.sum(eb.case().when('status', '=', 'submitted').then(1).else(0).end())
						.as('submitted')
				])
				.where(
					'round_id',
					'in',
					rounds.map((r) => r.id)
				)
				.groupBy(['round_id', 'role'])
				.execute()
		: [];
	return rounds.map((round) => {
		const ofRound = counts.filter((row) => row.round_id === round.id);
		return {
			round,
			roles: ROLE_ORDER.flatMap((role) => {
				const row = ofRound.find((r) => r.role === role);
				return row ? [{ role, total: Number(row.total), submitted: Number(row.submitted) }] : [];
			})
		};
	});
}

/**
 * A round's assignments: all of them, or (through the indexes, whatever the program's size)
 * those of some people, a pair's own included, or the coordinators'.
 */
export async function loadAssignments(
	db: DbOrTx,
	rounds: readonly Round[],
	only: { people?: string[]; staff?: true } = {}
): Promise<AssignmentRow[]> {
	if (rounds.length === 0 || only.people?.length === 0) return [];
	return db
		.selectFrom('assignments')
		.select(['id', 'round_id', 'role', 'status', 'pair_id', 'participant_id', 'staff_id'])
		.where(
			'round_id',
			'in',
			rounds.map((r) => r.id)
		)
		.$if(only.people !== undefined, (qb) => qb.where('participant_id', 'in', only.people!))
		.$if(only.staff === true, (qb) => qb.where('staff_id', 'is not', null))
		.execute();
}

/** A program's pairs (or some of them), in id order. */
export async function loadPairs(
	db: DbOrTx,
	program: Program,
	pairIds?: readonly string[]
): Promise<PairRow[]> {
	if (pairIds?.length === 0) return [];
	return db
		.selectFrom('pairs')
		.select(['id', 'employer_id', 'status', 'mentor_id', 'protege_id'])
		.where('program_id', '=', program.id)
		.$if(pairIds !== undefined, (qb) => qb.where('id', 'in', pairIds!))
		.orderBy('id')
		.execute();
}

/** A program's employer contacts (or those of some employers), in id order. */
export async function loadContacts(
	db: DbOrTx,
	program: Program,
	employerIds?: readonly string[]
): Promise<{ id: string; employer_id: string | null }[]> {
	if (employerIds?.length === 0) return [];
	return db
		.selectFrom('participants')
		.select(['id', 'employer_id'])
		.where('program_id', '=', program.id)
		.where('role', '=', 'employer')
		.where('employer_id', 'is not', null)
		.$if(employerIds !== undefined, (qb) => qb.where('employer_id', 'in', employerIds!))
		.orderBy('id')
		.execute();
}

/** What reading a program's evidence needs to know of it, whatever is read. */
export interface EvidenceSetting {
	program: Program;
	today: string;
	rounds: Round[];
	/** The rounds whose answers are compared (`post` is not), by id. */
	analysed: ReadonlyMap<string, Round & { wave: Wave }>;
	/** The latest compared round's, in order. */
	constructs: ConstructDocument[];
	/** The latest compared round's instrument version. */
	instrumentVersionId: string | null;
	thresholds: { watch: number; risk: number };
}

export async function evidenceSetting(
	db: DbOrTx,
	program: Program,
	today: string,
	rounds: Round[]
): Promise<EvidenceSetting> {
	const analysed = rounds.filter((r): r is Round & { wave: Wave } => r.wave !== 'post');
	const latest = analysed.at(-1);
	return {
		program,
		today,
		rounds,
		analysed: new Map(analysed.map((r) => [r.id, r])),
		constructs: latest ? (await roundDocument(db, latest)).constructs : [],
		instrumentVersionId: latest?.instrument_version_id ?? null,
		thresholds: { watch: program.watch_threshold, risk: program.risk_threshold }
	};
}

function isOverdue(round: Round, today: string): boolean {
	return (
		roundState(round, today) === 'closed' || today >= addDays(round.opens_on, OVERDUE_AFTER_DAYS)
	);
}

/**
 * Takes rows into an index (evidence-rows.ts), in round order: a row's place is its round's
 * index times the row count plus its own, so that of two rows for the same person or pair the
 * later round's wins whichever came first. Rows of rounds not compared are left out.
 */
export function takeRows(
	index: RowIndex,
	rows: readonly AssignmentRow[],
	setting: EvidenceSetting
) {
	const roundOrder = new Map(setting.rounds.map((r, i) => [r.id, i]));
	rows.forEach((row, i) => {
		const round = setting.analysed.get(row.round_id);
		if (!round) return;
		const order = roundOrder.get(row.round_id)! * rows.length + i;
		const overdue = row.status !== 'submitted' && isOverdue(round, setting.today);
		hear(index[round.wave], row, order, overdue);
	});
}

/** The scored answers of sent surveys (submitted-answers.ts), `known` ones not read again. */
export function readScored(
	db: DbOrTx,
	setting: EvidenceSetting,
	rows: readonly AssignmentRow[],
	known?: ReadonlyMap<string, AnswerSet>
): Promise<ReadonlyMap<string, AnswerSet>> {
	return loadScoredAnswers(
		db,
		rows.map((row) => ({ id: row.id, round: setting.analysed.get(row.round_id)! })),
		known
	);
}
