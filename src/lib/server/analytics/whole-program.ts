import type { AnswerSet } from '$lib/alignment/pair-alignment';
import {
	assessPairInFull,
	type PairAssessment,
	type ProgramEvidence,
	type WaveAnswers
} from '$lib/alignment/program-analysis';
import { DEFAULT_RISK_KEYS, type PairRole, type Wave } from '$lib/alignment/risk';
import type { DbOrTx } from '../db';
import { loadAgreements, type PairAgreementEvidence } from '../agreements/agreement-evidence';
import { loadPulses, type PairPulse } from '../pulse/pulse-evidence';
import { lastSentAt, onlySurveysMovedOn, sentCount, type EvidenceStamp } from './evidence-cache';
import { fingerprintsDigest, markEvidence, readMark } from './evidence-marks';
import {
	countedRates,
	loadAssignments,
	loadContacts,
	loadPairs,
	readScored,
	takeRows,
	type EvidenceSetting,
	type LoadedProgram
} from './evidence-reading';
import {
	answersOf,
	emptyRowIndex,
	groupSurveys,
	pairSurveys,
	waveSurveys,
	type AssignmentRow,
	type PairRow
} from './evidence-rows';
import {
	assessedPairs,
	decodeKept,
	everyKeptRow,
	overdueOf,
	pairFingerprint,
	programFingerprint
} from './pair-assessments';

type Overdue = Map<string, { person: PairRole; wave: Wave }[]>;

/** Each pair's assessment, with the fingerprint of what it was worked out from, and its overdue surveys. */
interface Assessed {
	fingerprints: ReadonlyMap<string, string>;
	assessments: ReadonlyMap<string, PairAssessment>;
	overdue: ReadonlyMap<string, { person: PairRole; wave: Wave }[]>;
}

/**
 * What a whole program's evidence keeps for the next build: every pair, in id order, and its
 * assessment; and the employer contacts' and coordinators' sent answers, by survey id. No survey
 * rows: the next build reads only those of the pairs whose surveys were sent since.
 */
export interface KeptEvidence extends Assessed {
	pairs: PairRow[];
	groupAnswers: ReadonlyMap<string, AnswerSet>;
}

/** What the pairs' part of a build keeps: all but the groups' answers, read each time. */
type KeptPairs = Omit<KeptEvidence, 'groupAnswers'>;

/** A whole program's evidence, and what it keeps for the next build. */
export interface WholeProgram {
	loaded: LoadedProgram;
	kept: KeptEvidence;
}

/** What a pair's people said between the surveys: answered check-ins and a confirmed agreement. */
interface PairSignals {
	pulses: ReadonlyMap<string, PairPulse[]>;
	agreements: ReadonlyMap<string, PairAgreementEvidence>;
}

async function loadSignals(
	db: DbOrTx,
	programId: string,
	pairIds?: readonly string[]
): Promise<PairSignals> {
	return {
		pulses: await loadPulses(db, programId, pairIds),
		agreements: await loadAgreements(db, programId, pairIds)
	};
}

const programPart = (setting: EvidenceSetting) =>
	programFingerprint(setting.instrumentVersionId, {
		thresholds: setting.thresholds,
		keys: DEFAULT_RISK_KEYS
	});

/**
 * The assessments of some pairs from every survey row of their people (`rows`): which survey
 * speaks for each partner at each wave and which are overdue, then each pair's kept assessment
 * where its fingerprint is unchanged (in `known` or the database), else worked out from its
 * answers and kept (pair-assessments.ts).
 */
async function assessFromRows(
	db: DbOrTx,
	setting: EvidenceSetting,
	pairs: readonly PairRow[],
	rows: readonly AssignmentRow[],
	{ pulses, agreements }: PairSignals,
	known: Assessed | undefined
): Promise<Assessed> {
	const index = emptyRowIndex();
	takeRows(index, rows, setting);
	const overdue: Overdue = new Map();
	const surveys = {
		pre: waveSurveys(index.pre, 'pre', pairs, new Map(), overdue),
		mid: waveSurveys(index.mid, 'mid', pairs, new Map(), overdue)
	};
	const part = programPart(setting);
	const fingerprints = new Map(
		pairs.map((pair) => [
			pair.id,
			pairFingerprint(
				part,
				{ pre: surveys.pre.byPair.get(pair.id), mid: surveys.mid.byPair.get(pair.id) },
				overdue.get(pair.id) ?? [],
				pulses.get(pair.id),
				agreements.get(pair.id)
			)
		])
	);
	const { constructs, thresholds } = setting;
	const keys = constructs.map((c) => c.key);
	let pairById: Map<string, PairRow> | undefined;
	const assessments = await assessedPairs(
		db,
		setting.program.id,
		keys,
		fingerprints,
		known,
		async (pairIds) => {
			const answers = await readScored(db, setting, [
				...pairSurveys(surveys.pre, pairIds),
				...pairSurveys(surveys.mid, pairIds)
			]);
			const ofPairs: ProgramEvidence = {
				constructs,
				thresholds,
				keys: DEFAULT_RISK_KEYS,
				pairs: [],
				waves: {
					pre: answersOf(surveys.pre, answers, pairIds),
					mid: answersOf(surveys.mid, answers, pairIds)
				},
				overdue,
				pulses,
				agreements
			};
			// Only when some pair is assessed again: after one more survey, one pair of thousands.
			pairById ??= new Map(pairs.map((pair) => [pair.id, pair]));
			const byId = pairById;
			return new Map(
				pairIds.map((id) => {
					const pair = byId.get(id)!;
					return [id, assessPairInFull(ofPairs, { id, employerId: pair.employer_id })];
				})
			);
		}
	);
	return { fingerprints, assessments, overdue };
}

/** Every pair's assessment from every survey row of the program. */
async function keptFromRows(
	db: DbOrTx,
	setting: EvidenceSetting,
	known: Assessed | undefined
): Promise<KeptPairs> {
	const pairs = await loadPairs(db, setting.program);
	const rows = await loadAssignments(db, setting.rounds);
	const signals = await loadSignals(db, setting.program.id);
	return { pairs, ...(await assessFromRows(db, setting, pairs, rows, signals, known)) };
}

/**
 * The kept evidence as a build (in any server process) marked it, at the stamp it names: every
 * pair's kept assessment, checked against the mark's digest. Null when the program was never
 * marked, or its kept assessments changed since, or were made by another version of the
 * assessment, or its pairs are not those assessed.
 */
async function keptFromMark(
	db: DbOrTx,
	setting: EvidenceSetting,
	usable: (stamp: EvidenceStamp) => boolean
): Promise<{ stamp: EvidenceStamp; kept: KeptPairs } | null> {
	const mark = await readMark(db, setting.program.id);
	if (!mark || !usable(mark.stamp)) return null;
	const rows = await everyKeptRow(db, setting.program.id);
	const fingerprints = new Map(rows.map((row) => [row.pair_id, row.fingerprint]));
	if (fingerprintsDigest(fingerprints) !== mark.digest) return null;
	const part = programPart(setting);
	if (rows.some((row) => !row.fingerprint.startsWith(`${part}|`))) return null;
	const pairs = await loadPairs(db, setting.program);
	if (pairs.length !== rows.length || pairs.some((pair, i) => pair.id !== rows[i]!.pair_id))
		return null;
	const overdue: Overdue = new Map();
	for (const [pairId, fingerprint] of fingerprints) {
		const late = overdueOf(fingerprint);
		if (late.length > 0) overdue.set(pairId, late);
	}
	const assessments = decodeKept(
		rows,
		setting.constructs.map((c) => c.key)
	);
	return { stamp: mark.stamp, kept: { pairs, fingerprints, assessments, overdue } };
}

/**
 * The kept evidence of `base`, with the surveys sent since its stamp taken in: the pairs whose
 * partners sent one are assessed again from their people's rows; every other pair keeps its
 * assessment. Null when the surveys sent since are not exactly as many as the stamps differ by
 * (one sent with an earlier time than the last one before): then everything is read again.
 */
async function withSurveysSent(
	db: DbOrTx,
	setting: EvidenceSetting,
	base: { stamp: EvidenceStamp; kept: KeptPairs },
	stamp: EvidenceStamp
): Promise<KeptPairs | null> {
	const { rounds } = setting;
	const sent = rounds.length
		? await db
				.selectFrom('assignments')
				.select(['pair_id', 'participant_id', 'role'])
				.where(
					'round_id',
					'in',
					rounds.map((r) => r.id)
				)
				.where('status', '=', 'submitted')
				.where('submitted_at', '>', lastSentAt(base.stamp))
				.execute()
		: [];
	if (sent.length !== sentCount(stamp) - sentCount(base.stamp)) return null;
	// A `pre` survey speaks for its person in every pair; a check-in for its pair.
	const people = new Set<string>();
	const pairIds = new Set<string>();
	for (const row of sent) {
		if (row.role !== 'mentor' && row.role !== 'protege') continue;
		if (row.pair_id) pairIds.add(row.pair_id);
		else if (row.participant_id) people.add(row.participant_id);
	}
	const moved = base.kept.pairs.filter(
		(pair) => pairIds.has(pair.id) || people.has(pair.mentor_id) || people.has(pair.protege_id)
	);
	if (moved.length === 0) return base.kept;
	const rows = await loadAssignments(db, rounds, {
		people: [...new Set(moved.flatMap((pair) => [pair.mentor_id, pair.protege_id]))]
	});
	const signals = await loadSignals(
		db,
		setting.program.id,
		moved.map((pair) => pair.id)
	);
	const fresh = await assessFromRows(db, setting, moved, rows, signals, base.kept);
	const fingerprints = new Map(base.kept.fingerprints);
	const assessments = new Map(base.kept.assessments);
	const overdue = new Map(base.kept.overdue);
	for (const { id } of moved) {
		fingerprints.set(id, fresh.fingerprints.get(id)!);
		assessments.set(id, fresh.assessments.get(id)!);
		const late = fresh.overdue.get(id);
		if (late) overdue.set(id, late);
		else overdue.delete(id);
	}
	return { pairs: base.kept.pairs, fingerprints, assessments, overdue };
}

/** The employer contacts' and coordinators' answers of each wave, by employer and staff member. */
async function groupAnswers(
	db: DbOrTx,
	setting: EvidenceSetting,
	known: ReadonlyMap<string, AnswerSet> | undefined
): Promise<{ waves: Record<Wave, WaveAnswers>; answers: ReadonlyMap<string, AnswerSet> }> {
	const contacts = await loadContacts(db, setting.program);
	const employerOf = new Map(contacts.map((c) => [c.id, c.employer_id!]));
	const rows = [
		...(await loadAssignments(db, setting.rounds, { people: [...employerOf.keys()] })),
		...(await loadAssignments(db, setting.rounds, { staff: true }))
	];
	const index = emptyRowIndex();
	takeRows(index, rows, setting);
	const surveys = {
		pre: waveSurveys(index.pre, 'pre', [], employerOf, new Map()),
		mid: waveSurveys(index.mid, 'mid', [], employerOf, new Map())
	};
	const answers = await readScored(
		db,
		setting,
		[...groupSurveys(surveys.pre), ...groupSurveys(surveys.mid)],
		known
	);
	return {
		waves: { pre: answersOf(surveys.pre, answers, []), mid: answersOf(surveys.mid, answers, []) },
		answers
	};
}

/**
 * A whole program's evidence at `stamp`: each pair's assessment (not its answers), the groups'
 * answers and the response rates. Built from what the last build kept, in this process
 * (`previous`) or marked in the database by any process, taking in only the surveys sent since
 * when that is all that changed; else from every survey row. Marked for the next.
 */
export async function wholeProgramEvidence(
	db: DbOrTx,
	setting: EvidenceSetting,
	stamp: EvidenceStamp,
	previous: { stamp: EvidenceStamp; value: WholeProgram } | null
): Promise<WholeProgram> {
	const usable = (before: EvidenceStamp) =>
		before.key === stamp.key || onlySurveysMovedOn(before, stamp);
	const base =
		previous && usable(previous.stamp)
			? { stamp: previous.stamp, kept: previous.value.kept }
			: await keptFromMark(db, setting, usable);
	const known = base?.kept ?? previous?.value.kept;
	let kept =
		base && base.stamp.key !== stamp.key
			? await withSurveysSent(db, setting, base, stamp)
			: (base?.kept ?? null);
	const markedHere = base !== null && kept === base.kept && base.stamp.key === stamp.key;
	kept ??= await keptFromRows(db, setting, known);
	if (!markedHere) await markEvidence(db, setting.program.id, stamp, kept.fingerprints);
	const groups = await groupAnswers(db, setting, previous?.value.kept.groupAnswers);
	const evidence: ProgramEvidence = {
		constructs: setting.constructs,
		thresholds: setting.thresholds,
		keys: DEFAULT_RISK_KEYS,
		pairs: kept.pairs.map((pair) => ({ id: pair.id, employerId: pair.employer_id })),
		waves: groups.waves,
		overdue: kept.overdue,
		assessed: kept.assessments
	};
	return {
		loaded: { evidence, rounds: await countedRates(db, setting.rounds) },
		kept: { ...kept, groupAnswers: groups.answers }
	};
}
