import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { ProgramEvidence, RiskMemory, WaveAnswers } from '$lib/alignment/program-analysis';
import { DEFAULT_RISK_KEYS, type PairRole, type Wave } from '$lib/alignment/risk';
import type { ConstructDocument } from '$lib/instruments/types';
import { addDays } from '$lib/time/days';
import type { DbOrTx } from '../db';
import type { AssignmentRole, AssignmentStatus, PairStatus, Program, Round } from '../db/schema';
import { OPEN_PAIR_STATUSES } from '../pairs/pairs';
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
	const basis = updated ?? (await readBasis(db, program, rounds, pairId));
	const { loaded, answers } = await buildEvidence(db, program, today, rounds, basis, {
		pairId,
		known: previous?.value.answers,
		risks: previous?.value.loaded.evidence.risks
	});
	if (stamp)
		rememberEvidence(db, program.id, stamp, { loaded, basis, answers }, basis.pairs.length);
	return loaded;
}

/** The rows a program's evidence is built from. */
interface EvidenceBasis {
	pairs: PairRow[];
	contacts: { id: string; employer_id: string | null }[];
	assignments: AssignmentRow[];
}

interface PairRow {
	id: string;
	employer_id: string | null;
	status: PairStatus;
	mentor_id: string;
	protege_id: string;
}

/**
 * What the cache keeps: the evidence, its rows and its sent answers for the next build (a sent
 * survey never changes). Leaving the cache, a program takes all of it along.
 */
interface Built {
	loaded: LoadedProgram;
	basis: EvidenceBasis;
	answers: ReadonlyMap<string, AnswerSet>;
}

/**
 * The rows of evidence built before, where all that has happened since is that surveys were
 * started or sent: only the surveys sent since are read, and marked sent (a sent survey stays
 * sent; a started one counts as unsent, as before). Null when they are not exactly the `count`
 * the stamps differ by (one sent with an earlier time): then everything is read again.
 */
async function withSurveysSentSince(
	db: DbOrTx,
	basis: EvidenceBasis,
	rounds: Round[],
	{ since, count }: { since: number; count: number }
): Promise<EvidenceBasis | null> {
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
	let newlySent = 0;
	const assignments = basis.assignments.map((row) => {
		if (row.status === 'submitted' || !sentSince.has(row.id)) return row;
		newlySent += 1;
		return { ...row, status: 'submitted' as const };
	});
	return newlySent === count ? { ...basis, assignments } : null;
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

async function buildEvidence(
	db: DbOrTx,
	program: Program,
	today: string,
	rounds: Round[],
	{ pairs, contacts, assignments }: EvidenceBasis,
	{
		pairId,
		known,
		risks
	}: {
		pairId: string | undefined;
		/** Sent answers read before for this program. */
		known?: ReadonlyMap<string, AnswerSet>;
		/** Pair risks worked out before for this program (program-analysis.ts). */
		risks?: RiskMemory;
	}
): Promise<{ loaded: LoadedProgram; answers: ReadonlyMap<string, AnswerSet> }> {
	const analysed = rounds.filter((r): r is Round & { wave: Wave } => r.wave !== 'post');
	const latest = analysed.at(-1);
	const employerOf = new Map(contacts.map((c) => [c.id, c.employer_id!]));

	const constructs: ConstructDocument[] = latest
		? (await roundDocument(db, latest)).constructs
		: [];
	const roundById = new Map(analysed.map((r) => [r.id, r]));
	const sent = assignments.filter((a) => a.status === 'submitted' && roundById.has(a.round_id));
	const answersOf =
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

	// Round by round in the order they were made (a stable sort, in one pass).
	const byRound = new Map<string, AssignmentRow[]>(rounds.map((r) => [r.id, []]));
	for (const row of assignments) byRound.get(row.round_id)?.push(row);
	const chronological = [...byRound.values()].flat();
	// Who said what, per wave: a `pre` survey is about the person (it may come before matching),
	// a check-in about one pair. Later rounds of a wave replace earlier answers. (Keyed by the
	// rows' own id strings, whose hashes are kept, rather than by strings made for each look-up.)
	type ByRole = Partial<Record<AssignmentRole, AnswerSet>>;
	const byPairRole = { pre: new Map<string, ByRole>(), mid: new Map<string, ByRole>() };
	const byPerson = { pre: new Map<string, AnswerSet>(), mid: new Map<string, AnswerSet>() };
	const byStaff = { pre: new Map<string, AnswerSet>(), mid: new Map<string, AnswerSet>() };
	const unsent = { pre: new Set<string>(), mid: new Set<string>() };
	for (const row of chronological) {
		const round = roundById.get(row.round_id);
		if (!round) continue;
		const wave = round.wave;
		const key = row.pair_id ? `${row.pair_id}:${row.role}` : row.participant_id;
		if (row.status !== 'submitted') {
			if (key && isOverdue(round, today)) unsent[wave].add(key);
			continue;
		}
		const answers = answersOf.get(row.id) ?? {};
		if (row.role === 'staff' && row.staff_id) byStaff[wave].set(row.staff_id, answers);
		else if (row.pair_id) {
			const own = byPairRole[wave].get(row.pair_id);
			if (own) own[row.role] = answers;
			else byPairRole[wave].set(row.pair_id, { [row.role]: answers });
		} else if (row.participant_id) byPerson[wave].set(row.participant_id, answers);
	}

	const waves = {} as Record<Wave, WaveAnswers>;
	const overdue = new Map<string, { person: PairRole; wave: Wave }[]>();
	for (const wave of ['pre', 'mid'] as const) {
		const byPair = new Map<string, Partial<Record<PairRole, AnswerSet>>>();
		for (const pair of pairs) {
			const people = { mentor: pair.mentor_id, protege: pair.protege_id };
			const own: Partial<Record<PairRole, AnswerSet>> = {};
			for (const role of ['mentor', 'protege'] as const) {
				const answers = byPairRole[wave].get(pair.id)?.[role] ?? byPerson[wave].get(people[role]);
				if (answers) own[role] = answers;
				else if (
					OPEN_PAIR_STATUSES.includes(pair.status) &&
					(unsent[wave].has(`${pair.id}:${role}`) || unsent[wave].has(people[role]))
				) {
					overdue.set(pair.id, [...(overdue.get(pair.id) ?? []), { person: role, wave }]);
				}
			}
			if (own.mentor || own.protege) byPair.set(pair.id, own);
		}
		const byEmployer = new Map<string, AnswerSet[]>();
		for (const [contactId, employerId] of employerOf) {
			const answers = byPerson[wave].get(contactId);
			if (answers) byEmployer.set(employerId, [...(byEmployer.get(employerId) ?? []), answers]);
		}
		const staff = [...byStaff[wave]].sort(([a], [b]) => (a < b ? -1 : 1));
		waves[wave] = { byPair, byEmployer, staff: staff.map(([, answers]) => answers) };
	}

	const evidence: ProgramEvidence = {
		constructs,
		thresholds: { watch: program.watch_threshold, risk: program.risk_threshold },
		keys: DEFAULT_RISK_KEYS,
		pairs: pairs.map((p) => ({ id: p.id, employerId: p.employer_id })),
		waves,
		overdue,
		risks: risks ?? new Map()
	};
	return { loaded: { evidence, rounds: rates(rounds, assignments) }, answers: answersOf };
}
