import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { ProgramEvidence, WaveAnswers } from '$lib/alignment/program-analysis';
import { DEFAULT_RISK_KEYS, type PairRole, type Wave } from '$lib/alignment/risk';
import type { ConstructDocument } from '$lib/instruments/types';
import type { DbOrTx } from '../db';
import type { AssignmentRole, AssignmentStatus, Program, Round } from '../db/schema';
import { OPEN_PAIR_STATUSES } from '../pairs/pairs';
import { isoToday, roundState } from '../rounds/round-state';
import { roundDocument } from '../survey/assignments';

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

export interface LoadedProgram {
	evidence: ProgramEvidence;
	rounds: RoundRates[];
}

interface AssignmentRow {
	id: string;
	round_id: string;
	role: AssignmentRole;
	status: AssignmentStatus;
	pair_id: string | null;
	participant_id: string | null;
	staff_id: string | null;
}

const ROLE_ORDER: AssignmentRole[] = ['protege', 'mentor', 'employer', 'staff'];

function addDays(isoDate: string, days: number): string {
	const date = new Date(`${isoDate}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

function isOverdue(round: Round, today: string): boolean {
	return (
		roundState(round, today) === 'closed' || today >= addDays(round.opens_on, OVERDUE_AFTER_DAYS)
	);
}

function emptyWave(): {
	byPair: Map<string, Partial<Record<PairRole, AnswerSet>>>;
	byEmployer: Map<string, AnswerSet[]>;
	staff: AnswerSet[];
} {
	return { byPair: new Map(), byEmployer: new Map(), staff: [] };
}

function rates(rounds: Round[], assignments: AssignmentRow[]): RoundRates[] {
	return rounds.map((round) => {
		const byRole = new Map<AssignmentRole, RoleRate>();
		for (const row of assignments) {
			if (row.round_id !== round.id) continue;
			const rate = byRole.get(row.role) ?? { role: row.role, total: 0, submitted: 0 };
			rate.total += 1;
			if (row.status === 'submitted') rate.submitted += 1;
			byRole.set(row.role, rate);
		}
		return { round, roles: ROLE_ORDER.flatMap((role) => byRole.get(role) ?? []) };
	});
}

/**
 * Everything the metrics need for one program, in five set-based queries whatever its size:
 * rounds, pairs, employer contacts, assignments and submitted answers. Later rounds of a wave
 * replace earlier answers of the same person.
 */
export async function loadProgramEvidence(
	db: DbOrTx,
	program: Program,
	today = isoToday()
): Promise<LoadedProgram> {
	const rounds = await db
		.selectFrom('rounds')
		.selectAll()
		.where('program_id', '=', program.id)
		.orderBy('created_at')
		.execute();
	const analysed = rounds.filter((r): r is Round & { wave: Wave } => r.wave !== 'post');
	const latest = analysed.at(-1);
	const constructs: ConstructDocument[] = latest
		? (await roundDocument(db, latest)).constructs
		: [];

	const pairs = await db
		.selectFrom('pairs')
		.select(['id', 'employer_id', 'status'])
		.where('program_id', '=', program.id)
		.execute();
	const contacts = await db
		.selectFrom('participants')
		.select(['id', 'employer_id'])
		.where('program_id', '=', program.id)
		.where('role', '=', 'employer')
		.where('employer_id', 'is not', null)
		.execute();
	const employerOf = new Map(contacts.map((c) => [c.id, c.employer_id!]));

	const roundIds = rounds.map((r) => r.id);
	const assignments: AssignmentRow[] = roundIds.length
		? await db
				.selectFrom('assignments')
				.select(['id', 'round_id', 'role', 'status', 'pair_id', 'participant_id', 'staff_id'])
				.where('round_id', 'in', roundIds)
				.execute()
		: [];
	const answered = analysed.length
		? await db
				.selectFrom('responses')
				.innerJoin('assignments', 'assignments.id', 'responses.assignment_id')
				.select(['responses.assignment_id', 'responses.item_key', 'responses.value'])
				.where(
					'assignments.round_id',
					'in',
					analysed.map((r) => r.id)
				)
				.where('assignments.status', '=', 'submitted')
				.execute()
		: [];

	const answersOf = new Map<string, Record<string, string[]>>();
	for (const row of answered) {
		const parsed: unknown = JSON.parse(row.value);
		const values = Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
		let set = answersOf.get(row.assignment_id);
		if (!set) answersOf.set(row.assignment_id, (set = {}));
		set[row.item_key] = values;
	}

	const roundById = new Map(analysed.map((r) => [r.id, r]));
	const order = new Map(rounds.map((r, index) => [r.id, index]));
	const chronological = [...assignments].sort(
		(a, b) => order.get(a.round_id)! - order.get(b.round_id)!
	);
	const collected = { pre: emptyWave(), mid: emptyWave() };
	const employerAnswers = { pre: new Map<string, AnswerSet>(), mid: new Map<string, AnswerSet>() };
	const staffAnswers = { pre: new Map<string, AnswerSet>(), mid: new Map<string, AnswerSet>() };
	const overdue = new Map<string, { person: PairRole; wave: Wave }[]>();
	const openPairs = new Set(
		pairs.filter((p) => OPEN_PAIR_STATUSES.includes(p.status)).map((p) => p.id)
	);

	for (const row of chronological) {
		const round = roundById.get(row.round_id);
		if (!round) continue;
		const wave = round.wave;
		const answers = row.status === 'submitted' ? (answersOf.get(row.id) ?? {}) : undefined;
		if ((row.role === 'mentor' || row.role === 'protege') && row.pair_id) {
			if (answers) {
				const own = collected[wave].byPair.get(row.pair_id) ?? {};
				own[row.role] = answers;
				collected[wave].byPair.set(row.pair_id, own);
			} else if (openPairs.has(row.pair_id) && isOverdue(round, today)) {
				const list = overdue.get(row.pair_id) ?? [];
				list.push({ person: row.role, wave });
				overdue.set(row.pair_id, list);
			}
		} else if (answers && row.role === 'employer' && row.participant_id) {
			employerAnswers[wave].set(row.participant_id, answers);
		} else if (answers && row.role === 'staff' && row.staff_id) {
			staffAnswers[wave].set(row.staff_id, answers);
		}
	}

	// A survey sent in a later round of the same wave is no longer overdue.
	for (const [pairId, list] of overdue) {
		const still = list.filter(({ person, wave }) => !collected[wave].byPair.get(pairId)?.[person]);
		if (still.length) overdue.set(pairId, still);
		else overdue.delete(pairId);
	}

	const waves = {} as Record<Wave, WaveAnswers>;
	for (const wave of ['pre', 'mid'] as const) {
		for (const [contactId, answers] of employerAnswers[wave]) {
			const employerId = employerOf.get(contactId);
			if (!employerId) continue;
			const list = collected[wave].byEmployer.get(employerId) ?? [];
			list.push(answers);
			collected[wave].byEmployer.set(employerId, list);
		}
		collected[wave].staff.push(...staffAnswers[wave].values());
		waves[wave] = collected[wave];
	}

	return {
		evidence: {
			constructs,
			thresholds: { watch: program.watch_threshold, risk: program.risk_threshold },
			keys: DEFAULT_RISK_KEYS,
			pairs: pairs.map((p) => ({ id: p.id, employerId: p.employer_id })),
			waves,
			overdue
		},
		rounds: rates(rounds, assignments)
	};
}
