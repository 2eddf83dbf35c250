import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { ProgramEvidence, RiskMemory } from '$lib/alignment/program-analysis';
import { DEFAULT_RISK_KEYS, type PairRole, type Wave } from '$lib/alignment/risk';
import type { ConstructDocument } from '$lib/instruments/types';
import { addDays } from '$lib/time/days';
import type { DbOrTx } from '../db';
import type { AssignmentRole, Program, Round } from '../db/schema';
import { organizationToday } from '../organizations/time-zone';
import { roundState } from '../rounds/round-state';
import { roundDocument } from '../survey/assignments';
import {
	cachedEvidence,
	evidenceStamp,
	lastSentAt,
	onlySurveysMovedOn,
	previousEvidence,
	rememberEvidence,
	sentCount
} from './evidence-cache';
import {
	copyRowIndex,
	emptyRowIndex,
	hear,
	inRoundOrder,
	waveAnswers,
	type AssignmentRow,
	type PairRow,
	type RowIndex
} from './evidence-rows';
import { loadEveryAnswer, loadScoredAnswers } from './submitted-answers';

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

const ROLE_ORDER: AssignmentRole[] = ['protege', 'mentor', 'employer', 'staff'];

function isOverdue(round: Round, today: string): boolean {
	return (
		roundState(round, today) === 'closed' || today >= addDays(round.opens_on, OVERDUE_AFTER_DAYS)
	);
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
 * A round's assignments: all of them, or (through the indexes, whatever the program's size)
 * those of some people, a pair's own included, or the coordinators'.
 */
async function loadAssignments(
	db: DbOrTx,
	roundIds: string[],
	only: { people?: string[]; staff?: true } = {}
): Promise<AssignmentRow[]> {
	if (roundIds.length === 0 || only.people?.length === 0) return [];
	return db
		.selectFrom('assignments')
		.select(['id', 'round_id', 'role', 'status', 'pair_id', 'participant_id', 'staff_id'])
		.where('round_id', 'in', roundIds)
		.$if(only.people !== undefined, (qb) => qb.where('participant_id', 'in', only.people!))
		.$if(only.staff === true, (qb) => qb.where('staff_id', 'is not', null))
		.execute();
}

/**
 * Everything the metrics need for one program, in a few set-based queries whatever its size:
 * rounds, pairs, employer contacts, assignments and submitted answers. With `pairId`, only what
 * that pair's analysis needs: its own surveys, its employer's contacts' and the coordinators'.
 *
 * Pairs, employer contacts and coordinators come in id order, so that ties read the same on
 * every database.
 *
 * A whole program's evidence leaves free text out (no metric scores it) and is kept while its
 * stamp stays the same (evidence-cache.ts), so that a dashboard viewed again and again costs only
 * the few small queries that prove nothing changed; sent answers are read once
 * (submitted-answers.ts).
 */
export async function loadProgramEvidence(
	db: DbOrTx,
	program: Program,
	options: { today?: string; pairId?: string } = {}
): Promise<LoadedProgram> {
	const { pairId } = options;
	const today = options.today ?? (await organizationToday(db, program.organization_id));
	const rounds = await db
		.selectFrom('rounds')
		.selectAll()
		.where('program_id', '=', program.id)
		.orderBy('created_at')
		.execute();
	const stamp = pairId === undefined ? await evidenceStamp(db, program, rounds, today) : null;
	const cached = stamp && cachedEvidence<Built>(db, program.id, stamp);
	if (cached) return cached.loaded;
	const previous = stamp && previousEvidence<Built>(db, program.id);
	const updated =
		previous && onlySurveysMovedOn(previous.stamp, stamp)
			? await withSurveysSentSince(db, previous.value.basis, rounds, {
					since: lastSentAt(previous.stamp),
					count: sentCount(stamp) - sentCount(previous.stamp)
				})
			: null;
	const basis = updated?.basis ?? (await readBasis(db, program, rounds, pairId));
	const { loaded, heard } = await buildEvidence(db, program, today, rounds, basis, {
		pairId,
		known: previous?.value.heard.answers,
		since: updated ? { before: previous!.value.heard, sent: updated.sent } : undefined,
		risks: previous?.value.loaded.evidence.risks
	});
	if (stamp) rememberEvidence(db, program.id, stamp, { loaded, basis, heard }, basis.pairs.length);
	return loaded;
}

/** The rows a program's evidence is built from. */
interface EvidenceBasis {
	pairs: PairRow[];
	contacts: { id: string; employer_id: string | null }[];
	assignments: AssignmentRow[];
}

/**
 * What the cache keeps: the evidence, its rows, and its sent answers by person and pair for the
 * next build (a sent survey never changes). Leaving the cache, a program takes all of it along.
 */
interface Built {
	loaded: LoadedProgram;
	basis: EvidenceBasis;
	heard: Heard;
}

/**
 * The rows of evidence built before, where all that has happened since is that surveys were
 * started or sent: only the surveys sent since are read, and marked sent (a sent survey stays
 * sent; a started one counts as unsent, as before), and their ids given. Null when they are not
 * exactly the `count` the stamps differ by (one sent with an earlier time): then everything is
 * read again.
 */
async function withSurveysSentSince(
	db: DbOrTx,
	basis: EvidenceBasis,
	rounds: Round[],
	{ since, count }: { since: number; count: number }
): Promise<{ basis: EvidenceBasis; sent: ReadonlySet<string> } | null> {
	const sent = rounds.length
		? await db
				.selectFrom('assignments')
				.select('id')
				.where(
					'round_id',
					'in',
					rounds.map((r) => r.id)
				)
				.where('status', '=', 'submitted')
				.where('submitted_at', '>=', since)
				.execute()
		: [];
	const sentSince = new Set(sent.map((row) => row.id));
	const newlySent = new Set<string>();
	const assignments = basis.assignments.map((row) => {
		if (row.status === 'submitted' || !sentSince.has(row.id)) return row;
		newlySent.add(row.id);
		return { ...row, status: 'submitted' as const };
	});
	return newlySent.size === count ? { basis: { ...basis, assignments }, sent: newlySent } : null;
}

async function readBasis(
	db: DbOrTx,
	program: Program,
	rounds: Round[],
	pairId: string | undefined
): Promise<EvidenceBasis> {
	const pairs = await db
		.selectFrom('pairs')
		.select(['id', 'employer_id', 'status', 'mentor_id', 'protege_id'])
		.where('program_id', '=', program.id)
		.$if(pairId !== undefined, (qb) => qb.where('id', '=', pairId!))
		.orderBy('id')
		.execute();
	// One pair is compared with its own employer's contacts only.
	const employers =
		pairId === undefined ? null : pairs.flatMap((p) => (p.employer_id ? [p.employer_id] : []));
	const contacts =
		employers?.length === 0
			? []
			: await db
					.selectFrom('participants')
					.select(['id', 'employer_id'])
					.where('program_id', '=', program.id)
					.where('role', '=', 'employer')
					.where('employer_id', 'is not', null)
					.$if(employers !== null, (qb) => qb.where('employer_id', 'in', employers!))
					.orderBy('id')
					.execute();
	const employerOf = new Map(contacts.map((c) => [c.id, c.employer_id!]));

	const roundIds = rounds.map((r) => r.id);
	const people = [...pairs.flatMap((p) => [p.mentor_id, p.protege_id]), ...employerOf.keys()];
	const assignments =
		pairId === undefined
			? await loadAssignments(db, roundIds)
			: [
					...(await loadAssignments(db, roundIds, { people })),
					...(await loadAssignments(db, roundIds, { staff: true }))
				];
	return pairId === undefined
		? sharingStrings({ pairs, contacts, assignments })
		: { pairs, contacts, assignments };
}

/**
 * The same rows with each repeated value (a round, a role, a status, a person in several rounds)
 * held once: the database gives every row its own copies, and a 10,000-pair program's rows,
 * kept with its evidence, would hold a dozen megabytes of them.
 */
function sharingStrings(basis: EvidenceBasis): EvidenceBasis {
	const seen = new Map<string, string>();
	const share = <T extends string | null>(value: T): T => {
		if (value === null) return value;
		const known = seen.get(value);
		if (known !== undefined) return known as T;
		seen.set(value, value);
		return value;
	};
	return {
		pairs: basis.pairs.map((pair) => ({
			id: share(pair.id),
			employer_id: share(pair.employer_id),
			status: share(pair.status),
			mentor_id: share(pair.mentor_id),
			protege_id: share(pair.protege_id)
		})),
		contacts: basis.contacts,
		assignments: basis.assignments.map((row) => ({
			id: row.id,
			round_id: share(row.round_id),
			role: share(row.role),
			status: share(row.status),
			pair_id: share(row.pair_id),
			participant_id: share(row.participant_id),
			staff_id: share(row.staff_id)
		}))
	};
}

/** What an earlier build leaves for the next: its sent answers and its rows by person and pair. */
interface Heard {
	answers: ReadonlyMap<string, AnswerSet>;
	rows: RowIndex;
}

/**
 * The evidence from its rows: every row taken in, or with `since`, the rows of the build before
 * and only the surveys sent after it (the same result, as hear() takes rows in).
 */
async function buildEvidence(
	db: DbOrTx,
	program: Program,
	today: string,
	rounds: Round[],
	{ pairs, contacts, assignments }: EvidenceBasis,
	{
		pairId,
		known,
		since,
		risks
	}: {
		pairId: string | undefined;
		/** Sent answers read before for this program. */
		known?: ReadonlyMap<string, AnswerSet>;
		/** The build before and the surveys sent after it: only those are taken in. */
		since?: { before: Heard; sent: ReadonlySet<string> };
		/** Pair risks worked out before for this program (program-analysis.ts). */
		risks?: RiskMemory;
	}
): Promise<{ loaded: LoadedProgram; heard: Heard }> {
	const analysed = rounds.filter((r): r is Round & { wave: Wave } => r.wave !== 'post');
	const latest = analysed.at(-1);
	const employerOf = new Map(contacts.map((c) => [c.id, c.employer_id!]));

	const constructs: ConstructDocument[] = latest
		? (await roundDocument(db, latest)).constructs
		: [];
	const roundById = new Map(analysed.map((r) => [r.id, r]));
	const chronological = inRoundOrder(
		rounds.map((r) => r.id),
		assignments
	);
	// Each row with its place in round order: every row, or those sent since the build before.
	const taken: [AssignmentRow, number][] = [];
	chronological.forEach((row, order) => {
		if (!since || since.sent.has(row.id)) taken.push([row, order]);
	});
	const sent = taken.flatMap(([a]) =>
		a.status === 'submitted' && roundById.has(a.round_id) ? [a] : []
	);
	const read =
		pairId === undefined
			? await loadScoredAnswers(
					db,
					sent.map((a) => ({ id: a.id, round: roundById.get(a.round_id)! })),
					known
				)
			: await loadEveryAnswer(
					db,
					sent.map((a) => a.id)
				);
	let answersOf = read;
	if (since) {
		const merged = new Map(since.before.answers);
		for (const [id, answers] of read) merged.set(id, answers);
		answersOf = merged;
	}

	const rows = since ? copyRowIndex(since.before.rows) : emptyRowIndex();
	for (const [row, order] of taken) {
		const round = roundById.get(row.round_id);
		if (!round) continue;
		hear(rows[round.wave], row, order, {
			answers: answersOf.get(row.id),
			overdue: row.status !== 'submitted' && isOverdue(round, today)
		});
	}

	const overdue = new Map<string, { person: PairRole; wave: Wave }[]>();
	const waves = {
		pre: waveAnswers(rows.pre, 'pre', pairs, employerOf, overdue),
		mid: waveAnswers(rows.mid, 'mid', pairs, employerOf, overdue)
	};
	const evidence: ProgramEvidence = {
		constructs,
		thresholds: { watch: program.watch_threshold, risk: program.risk_threshold },
		keys: DEFAULT_RISK_KEYS,
		pairs: pairs.map((p) => ({ id: p.id, employerId: p.employer_id })),
		waves,
		overdue,
		risks: risks ?? new Map()
	};
	return {
		loaded: { evidence, rounds: rates(rounds, assignments) },
		heard: { answers: answersOf, rows }
	};
}
