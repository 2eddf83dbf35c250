import type { AnswerSet } from '$lib/alignment/pair-alignment';
import { assessPairInFull, type ProgramEvidence } from '$lib/alignment/program-analysis';
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
	answersOf,
	copyRowIndex,
	emptyRowIndex,
	groupSurveys,
	hear,
	NO_ANSWERS,
	pairSurveys,
	waveSurveys,
	type AssignmentRow,
	type PairRow,
	type RowIndex
} from './evidence-rows';
import { fingerprintsDigest, markedDigest, markEvidence } from './evidence-marks';
import {
	assessedPairs,
	decodeKept,
	everyKeptRow,
	overdueOf,
	pairFingerprint,
	programFingerprint,
	type KeptAssessments,
	type KeptRow
} from './pair-assessments';
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

/** The same rates as rates(), counted by the database. */
async function countedRates(db: DbOrTx, rounds: Round[]): Promise<RoundRates[]> {
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
 * rounds, pairs, employer contacts, assignments, the employer contacts' and coordinators' sent
 * answers, and each pair's assessment (pair-assessments.ts), read or worked out from the pair's
 * answers when they changed. With `pairId`, only what that pair's analysis needs, with its
 * answers: its own surveys, its employer's contacts' and the coordinators'. With `withAnswers`,
 * every pair's answers instead of its assessment (an export that compares each of them).
 *
 * Pairs, employer contacts and coordinators come in id order, so that ties read the same on
 * every database.
 *
 * A whole program's evidence is kept while its stamp stays the same (evidence-cache.ts), so that
 * a dashboard viewed again and again costs only the few small queries that prove nothing changed.
 */
export async function loadProgramEvidence(
	db: DbOrTx,
	program: Program,
	options: { today?: string; pairId?: string; withAnswers?: true } = {}
): Promise<LoadedProgram> {
	const { pairId } = options;
	const today = options.today ?? (await organizationToday(db, program.organization_id));
	const rounds = await db
		.selectFrom('rounds')
		.selectAll()
		.where('program_id', '=', program.id)
		.orderBy('created_at')
		.execute();
	const withAnswers = pairId !== undefined || options.withAnswers === true;
	if (withAnswers) {
		const basis = await readBasis(db, program, rounds, pairId);
		return (await buildEvidence(db, program, today, rounds, basis, { pairId, withAnswers })).loaded;
	}
	const stamp = await evidenceStamp(db, program, rounds, today);
	const cached = cachedEvidence<Built>(db, program.id, stamp);
	if (cached) return cached.loaded;
	const previous = previousEvidence<Built>(db, program.id);
	const rowsBefore = previous?.value.basis;
	const updated =
		previous && rowsBefore && onlySurveysMovedOn(previous.stamp, stamp)
			? await withSurveysSentSince(db, rowsBefore, rounds, {
					since: lastSentAt(previous.stamp),
					count: sentCount(stamp) - sentCount(previous.stamp)
				})
			: null;
	const built =
		(!updated && (await evidenceFromMark(db, program, today, rounds, stamp.key))) ||
		(await buildAndMark(db, program, today, rounds, stamp.key, previous?.value.heard, updated));
	rememberEvidence(db, program.id, stamp, built, built.loaded.evidence.pairs.length);
	return built.loaded;
}

/** The evidence from its rows (only those sent since, after `updated`), marked in the database. */
async function buildAndMark(
	db: DbOrTx,
	program: Program,
	today: string,
	rounds: Round[],
	stampKey: string,
	before: Heard | undefined,
	updated: { basis: EvidenceBasis; sent: readonly number[] } | null
): Promise<Built> {
	const basis = updated?.basis ?? (await readBasis(db, program, rounds, undefined));
	const { loaded, heard } = await buildEvidence(db, program, today, rounds, basis, {
		pairId: undefined,
		withAnswers: false,
		before,
		sent: updated?.sent
	});
	await markEvidence(db, program.id, stampKey, heard.assessments.fingerprints);
	return { loaded, basis, heard };
}

/**
 * The evidence as it was built at this very stamp, by any server process (evidence-marks.ts):
 * each pair's kept assessment, with only the groups' survey rows read and the response rates
 * counted by the database. Null when the program's mark is of another stamp or its kept
 * assessments changed since: then the evidence is built from its rows.
 */
async function evidenceFromMark(
	db: DbOrTx,
	program: Program,
	today: string,
	rounds: Round[],
	stampKey: string
): Promise<Built | null> {
	const digest = await markedDigest(db, program.id, stampKey);
	if (digest === null) return null;
	const kept = await everyKeptRow(db, program.id);
	const fingerprints = new Map(kept.map((row) => [row.pair_id, row.fingerprint]));
	if (fingerprintsDigest(fingerprints) !== digest) return null;
	// A mark made by an earlier version of the assessment (or of how evidence is read) is void.
	const latest = rounds.filter((r) => r.wave !== 'post').at(-1);
	const programPart = programFingerprint(latest?.instrument_version_id ?? null, {
		thresholds: { watch: program.watch_threshold, risk: program.risk_threshold },
		keys: DEFAULT_RISK_KEYS
	});
	if (kept.some((row) => !row.fingerprint.startsWith(`${programPart}|`))) return null;
	const basis = await readBasis(db, program, rounds, undefined, { groupsOnly: true });
	const { loaded, heard } = await buildEvidence(db, program, today, rounds, basis, {
		pairId: undefined,
		withAnswers: false,
		marked: { kept, fingerprints }
	});
	return { loaded, heard };
}

/** The rows a program's evidence is built from. */
interface EvidenceBasis {
	pairs: PairRow[];
	contacts: { id: string; employer_id: string | null }[];
	assignments: AssignmentRow[];
}

/**
 * What the cache keeps: the evidence, its rows, and what the next build takes from this one (see
 * Heard). Leaving the cache, a program takes all of it along.
 */
interface Built {
	loaded: LoadedProgram;
	/** Every row, for the next build to take only the surveys sent since; not kept from a mark. */
	basis?: EvidenceBasis;
	heard: Heard;
}

/**
 * The rows of evidence built before, where all that has happened since is that surveys were
 * started or sent: only the surveys sent since are read, and marked sent (a sent survey stays
 * sent; a started one counts as unsent, as before), and their places among the rows given. Null
 * when they are not exactly the `count` the stamps differ by (one sent with an earlier time):
 * then everything is read again.
 */
async function withSurveysSentSince(
	db: DbOrTx,
	basis: EvidenceBasis,
	rounds: Round[],
	{ since, count }: { since: number; count: number }
): Promise<{ basis: EvidenceBasis; sent: readonly number[] } | null> {
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
	const newlySent: number[] = [];
	const assignments = basis.assignments.map((row, index) => {
		if (row.status === 'submitted' || !sentSince.has(row.id)) return row;
		newlySent.push(index);
		return { ...row, status: 'submitted' as const };
	});
	return newlySent.length === count ? { basis: { ...basis, assignments }, sent: newlySent } : null;
}

/**
 * The rows of a program's evidence, or of one pair's, or (`groupsOnly`) every pair but only the
 * surveys of the employer contacts and coordinators.
 */
async function readBasis(
	db: DbOrTx,
	program: Program,
	rounds: Round[],
	pairId: string | undefined,
	{ groupsOnly = false } = {}
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
	const partners = groupsOnly ? [] : pairs.flatMap((p) => [p.mentor_id, p.protege_id]);
	const people = [...partners, ...employerOf.keys()];
	const whole = pairId === undefined && !groupsOnly;
	const assignments = whole
		? await loadAssignments(db, roundIds)
		: [
				...(await loadAssignments(db, roundIds, { people })),
				...(await loadAssignments(db, roundIds, { staff: true }))
			];
	// Kept with the evidence only when whole.
	return whole
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

/**
 * What an earlier build leaves for the next: its rows by person and pair, its employer contacts'
 * and coordinators' sent answers by survey id, and its pairs' assessments.
 */
interface Heard {
	rows: RowIndex;
	answers: ReadonlyMap<string, AnswerSet>;
	assessments: KeptAssessments;
}

/**
 * The evidence from its rows: every row taken in, or with `sent`, the rows of the build before
 * (`before`) and only the surveys sent after it (the same result, as hear() takes rows in).
 */
async function buildEvidence(
	db: DbOrTx,
	program: Program,
	today: string,
	rounds: Round[],
	{ pairs, contacts, assignments }: EvidenceBasis,
	{
		pairId,
		withAnswers,
		before,
		sent,
		marked
	}: {
		pairId: string | undefined;
		withAnswers: boolean;
		/** What the build before left. */
		before?: Heard;
		/** Where the surveys sent after the build before are among the rows: only those are taken in. */
		sent?: readonly number[];
		/** Every pair's kept assessment, checked against the program's mark: the rows are the groups'. */
		marked?: { kept: KeptRow[]; fingerprints: ReadonlyMap<string, string> };
	}
): Promise<{ loaded: LoadedProgram; heard: Heard }> {
	const analysed = rounds.filter((r): r is Round & { wave: Wave } => r.wave !== 'post');
	const latest = analysed.at(-1);
	const employerOf = new Map(contacts.map((c) => [c.id, c.employer_id!]));

	const constructs: ConstructDocument[] = latest
		? (await roundDocument(db, latest)).constructs
		: [];
	const roundById = new Map(analysed.map((r) => [r.id, r]));
	const since = before && sent ? { before, sent } : undefined;
	const rows = since ? copyRowIndex(since.before.rows) : emptyRowIndex();
	// A row's place in round order, for hear(): by round, then as the rows came. The same for
	// every build from the same rows, so that a row taken in later falls where it would have.
	const roundOrder = new Map(rounds.map((r, i) => [r.id, i]));
	const take = (index: number) => {
		const row = assignments[index]!;
		const round = roundById.get(row.round_id);
		if (!round) return;
		const order = roundOrder.get(row.round_id)! * assignments.length + index;
		hear(rows[round.wave], row, order, row.status !== 'submitted' && isOverdue(round, today));
	};
	if (since) since.sent.forEach(take);
	else for (let index = 0; index < assignments.length; index++) take(index);
	const overdue = new Map<string, { person: PairRole; wave: Wave }[]>();
	const surveys = {
		pre: waveSurveys(rows.pre, 'pre', marked ? [] : pairs, employerOf, overdue),
		mid: waveSurveys(rows.mid, 'mid', marked ? [] : pairs, employerOf, overdue)
	};
	const read = (rows: AssignmentRow[], known?: ReadonlyMap<string, AnswerSet>) =>
		loadScoredAnswers(
			db,
			rows.map((row) => ({ id: row.id, round: roundById.get(row.round_id)! })),
			known
		);

	const evidence: ProgramEvidence = {
		constructs,
		thresholds: { watch: program.watch_threshold, risk: program.risk_threshold },
		keys: DEFAULT_RISK_KEYS,
		pairs: pairs.map((p) => ({ id: p.id, employerId: p.employer_id })),
		waves: { pre: NO_ANSWERS, mid: NO_ANSWERS },
		overdue
	};
	const everySurvey = () => [
		...pairSurveys(surveys.pre, null),
		...pairSurveys(surveys.mid, null),
		...groupSurveys(surveys.pre),
		...groupSurveys(surveys.mid)
	];
	if (withAnswers) {
		const answers =
			pairId === undefined
				? await read(everySurvey())
				: await loadEveryAnswer(
						db,
						everySurvey().map((row) => row.id)
					);
		evidence.waves = {
			pre: answersOf(surveys.pre, answers, null),
			mid: answersOf(surveys.mid, answers, null)
		};
		return {
			loaded: { evidence, rounds: rates(rounds, assignments) },
			heard: { rows, answers, assessments: { fingerprints: new Map(), assessments: new Map() } }
		};
	}

	// A whole program: its groups' answers, and each pair's assessment instead of its answers.
	const groupAnswers = await read(
		[...groupSurveys(surveys.pre), ...groupSurveys(surveys.mid)],
		before?.answers
	);
	evidence.waves = {
		pre: answersOf(surveys.pre, groupAnswers, []),
		mid: answersOf(surveys.mid, groupAnswers, [])
	};
	if (marked) {
		for (const [pairId, fingerprint] of marked.fingerprints) {
			const late = overdueOf(fingerprint);
			if (late.length > 0) overdue.set(pairId, late);
		}
		const assessments = decodeKept(
			marked.kept,
			constructs.map((c) => c.key)
		);
		evidence.assessed = assessments;
		return {
			loaded: { evidence, rounds: await countedRates(db, rounds) },
			heard: {
				rows,
				answers: groupAnswers,
				assessments: { fingerprints: marked.fingerprints, assessments }
			}
		};
	}
	const programPart = programFingerprint(latest?.instrument_version_id ?? null, evidence);
	const fingerprints = new Map(
		pairs.map((pair) => [
			pair.id,
			pairFingerprint(
				programPart,
				{ pre: surveys.pre.byPair.get(pair.id), mid: surveys.mid.byPair.get(pair.id) },
				overdue.get(pair.id) ?? []
			)
		])
	);
	let pairById: Map<string, ProgramEvidence['pairs'][number]> | undefined;
	const assessments = await assessedPairs(
		db,
		program.id,
		constructs.map((c) => c.key),
		fingerprints,
		before?.assessments,
		async (pairIds) => {
			const answers = await read([
				...pairSurveys(surveys.pre, pairIds),
				...pairSurveys(surveys.mid, pairIds)
			]);
			const ofPairs: ProgramEvidence = {
				...evidence,
				waves: {
					pre: answersOf(surveys.pre, answers, pairIds),
					mid: answersOf(surveys.mid, answers, pairIds)
				}
			};
			// Only when some pair is assessed again: after one more survey, one pair of thousands.
			pairById ??= new Map(evidence.pairs.map((pair) => [pair.id, pair]));
			const byId = pairById;
			return new Map(pairIds.map((id) => [id, assessPairInFull(ofPairs, byId.get(id)!)]));
		}
	);
	evidence.assessed = assessments;
	return {
		loaded: { evidence, rounds: rates(rounds, assignments) },
		heard: { rows, answers: groupAnswers, assessments: { fingerprints, assessments } }
	};
}
