import type { ConstructDocument, ItemDocument, Role } from '$lib/instruments/types';
import { compareSeverity, severityOf, standingOf } from './attention';
import { amountOf, type Answer } from './item-divergence';
import {
	baselineAlignment,
	itemsOf,
	pairAlignment,
	type Alignment,
	type AnswerSet
} from './pair-alignment';
import {
	assessPair,
	type AssessedReason,
	type PairEvidence,
	type PairRole,
	type RiskLevel,
	type Wave
} from './risk';

export const ANALYSED_WAVES: readonly Wave[] = ['pre', 'mid'];

/** Everything one wave of a program's submitted surveys says, grouped for the metrics. */
export interface WaveAnswers {
	/**
	 * Mentor's and protégé's answers, by pair id, for the pairs not yet assessed (see
	 * `ProgramEvidence.assessed`).
	 */
	byPair: ReadonlyMap<string, Partial<Record<PairRole, AnswerSet>>>;
	/** The answers of each employer partner's contacts, by employer id. */
	byEmployer: ReadonlyMap<string, readonly AnswerSet[]>;
	/** The coordinators' answers: the staff baseline. */
	staff: readonly AnswerSet[];
}

export interface ProgramEvidence {
	constructs: ConstructDocument[];
	thresholds: PairEvidence['thresholds'];
	keys: PairEvidence['keys'];
	pairs: readonly { id: string; employerId: string | null }[];
	waves: Record<Wave, WaveAnswers>;
	/** Surveys not sent in time, by pair id. */
	overdue: ReadonlyMap<string, PairEvidence['overdue']>;
	/** Answered pulse check-ins, by pair id (only pairs with some). */
	pulses?: ReadonlyMap<string, NonNullable<PairEvidence['pulses']>>;
	/** Agreements both sides confirmed, by pair id. */
	agreements?: ReadonlyMap<string, NonNullable<PairEvidence['agreement']>>;
	/**
	 * Pairs already assessed from these same inputs, by pair id: a whole program's evidence
	 * carries every pair's assessment (kept from one build to the next, and in the database)
	 * instead of their answers. Pairs not here are assessed from `waves`.
	 */
	assessed?: ReadonlyMap<string, PairAssessment>;
}

/** The five comparisons of one wave: the pair with each other, and each of them with the program. */
export interface WaveAlignment {
	partners: Alignment;
	mentorStaff: Alignment;
	protegeStaff: Alignment;
	mentorEmployer: Alignment;
	protegeEmployer: Alignment;
}

/** Where one pair stands: what the program overview, the home page's lists and the sorting read. */
export interface PairRisk {
	pairId: string;
	status: RiskLevel;
	reasons: AssessedReason[];
	/** Mentor and protégé compared with each other, per wave. */
	partners: Record<Wave, Alignment>;
	/** The latest wave in which mentor and protégé could be compared. */
	latest: Wave | null;
}

/** Where a respondent stands on each construct, in the constructs' order (NaN: none answered). */
export type Positions = readonly number[];

/**
 * Bump whenever what `assessPairInFull` gives changes (risk rules, alignment, positions, or the
 * assessment's shape): assessments kept in the database are then all worked out again.
 * program-analysis.spec.ts fails on a change of its results that comes without a new version.
 */
export const ASSESSMENT_VERSION = 2;

/** All a whole program's views need of one pair's answers: its risk and where each of them stands. */
export interface PairAssessment {
	risk: PairRisk;
	/** Per wave, the positions of those of mentor and protégé who answered it. */
	positions: Record<Wave, Partial<Record<PairRole, Positions>>>;
}

/** One pair in full: its risk, and each of them also compared with the staff and the employer. */
export interface PairAnalysis extends PairRisk {
	waves: Record<Wave, WaveAlignment>;
}

export type RoleAverages = Record<string, Partial<Record<Role, RoleAverage>>>;

export interface RoleAverage {
	/** Mean position on the construct's scales, in [0, 1] in each item's declared direction. */
	mean: number;
	respondents: number;
}

export interface ProgramAnalysis {
	/** At risk first, then watch, then ok; within a level, more reasons and lower alignment first. */
	pairs: PairRisk[];
	/** Per wave and construct, how each role answers on average. */
	roleAverages: Record<Wave, RoleAverages>;
	/** Per construct, the mean mentor–protégé alignment of the pairs at each wave (null: no data). */
	drift: Record<string, Record<Wave, number | null>>;
	/** Per construct, the share of compared pairs (latest wave) under the program's watch threshold. */
	flaggedShare: Record<string, number | null>;
}

const EMPTY: AnswerSet = {};

function pairAnswers(evidence: ProgramEvidence, wave: Wave, pairId: string) {
	const own = evidence.waves[wave].byPair.get(pairId) ?? {};
	return { mentor: own.mentor ?? EMPTY, protege: own.protege ?? EMPTY };
}

/** A pair's risk from its own answers: all a whole program's lists need, so all they compute. */
export function assessPairRisk(
	evidence: ProgramEvidence,
	pair: ProgramEvidence['pairs'][number]
): PairRisk {
	const partnersAt = (wave: Wave) => {
		const { mentor, protege } = pairAnswers(evidence, wave, pair.id);
		return pairAlignment(evidence.constructs, wave, mentor, protege);
	};
	const partners = { pre: partnersAt('pre'), mid: partnersAt('mid') };
	const { status, reasons } = assessPair(
		{
			constructs: evidence.constructs,
			thresholds: evidence.thresholds,
			keys: evidence.keys,
			answers: {
				pre: evidence.waves.pre.byPair.get(pair.id) ?? {},
				mid: evidence.waves.mid.byPair.get(pair.id) ?? {}
			},
			overdue: evidence.overdue.get(pair.id) ?? [],
			pulses: evidence.pulses?.get(pair.id),
			agreement: evidence.agreements?.get(pair.id)
		},
		partners
	);
	const latest = partners.mid.score !== null ? 'mid' : partners.pre.score !== null ? 'pre' : null;
	return { pairId: pair.id, status, reasons, partners, latest };
}

/** Each partner also against the program's coordinators and the pair's employer contacts. */
function waveAlignment(
	evidence: ProgramEvidence,
	wave: Wave,
	pair: ProgramEvidence['pairs'][number],
	partners: Alignment
): WaveAlignment {
	const answers = evidence.waves[wave];
	const { mentor, protege } = pairAnswers(evidence, wave, pair.id);
	const employer = (pair.employerId && answers.byEmployer.get(pair.employerId)) || [];
	const { constructs } = evidence;
	return {
		partners,
		mentorStaff: baselineAlignment(constructs, wave, mentor, answers.staff),
		protegeStaff: baselineAlignment(constructs, wave, protege, answers.staff),
		mentorEmployer: baselineAlignment(constructs, wave, mentor, employer),
		protegeEmployer: baselineAlignment(constructs, wave, protege, employer)
	};
}

export function analysePair(
	evidence: ProgramEvidence,
	pair: ProgramEvidence['pairs'][number]
): PairAnalysis {
	const risk = assessPairRisk(evidence, pair);
	const waves = {
		pre: waveAlignment(evidence, 'pre', pair, risk.partners.pre),
		mid: waveAlignment(evidence, 'mid', pair, risk.partners.mid)
	};
	return { ...risk, waves };
}

function latestScore(pair: PairRisk): number {
	return pair.latest ? (pair.partners[pair.latest].score ?? 1) : 1;
}

const severities = new WeakMap<PairRisk, Parameters<typeof compareSeverity>[0]>();

/** A pair's standing and severity, worked out once per assessment (a sort asks for them often). */
function severity(pair: PairRisk) {
	let known = severities.get(pair);
	if (!known) {
		known = { standing: standingOf(pair), severity: severityOf(pair.reasons) };
		severities.set(pair, known);
	}
	return known;
}

/** Most severe first (standing, serious signals, signals to watch), then the least aligned. */
export function byRisk(a: PairRisk, b: PairRisk): number {
	return compareSeverity(severity(a), severity(b)) || latestScore(a) - latestScore(b);
}

/** A scale item of a construct, with the amount each answer says worked out once per answer. */
interface ScaleItem {
	item: ItemDocument;
	/** By answer: sent answers are shared arrays, one per distinct value (submitted-answers.ts). */
	amounts: Map<Answer, number | null>;
}

/** Distinct answers remembered per item; past it, the memory starts again. */
const MAX_AMOUNTS = 1000;
const scaleItems = new WeakMap<ConstructDocument, Partial<Record<Wave, ScaleItem[]>>>();

function scaleItemsOf(construct: ConstructDocument, wave: Wave): ScaleItem[] {
	let byWave = scaleItems.get(construct);
	if (!byWave) scaleItems.set(construct, (byWave = {}));
	return (byWave[wave] ??= itemsOf(construct, wave)
		.filter((item) => item.type === 'scale')
		.map((item) => ({ item, amounts: new Map() })));
}

function amountIn({ item, amounts }: ScaleItem, answer: Answer): number | null {
	if (answer === undefined) return null;
	let amount = amounts.get(answer);
	if (amount === undefined) {
		amount = amountOf(item, answer);
		if (amounts.size >= MAX_AMOUNTS) amounts.clear();
		amounts.set(answer, amount);
	}
	return amount;
}

/** One respondent's mean position on a construct's scale items of a wave; NaN when none answered. */
function constructPosition(items: readonly ScaleItem[], answers: AnswerSet): number {
	let sum = 0;
	let count = 0;
	for (const scale of items) {
		const amount = amountIn(scale, answers[scale.item.key]);
		if (amount === null) continue;
		sum += amount;
		count += 1;
	}
	return count === 0 ? Number.NaN : sum / count;
}

/** A respondent's positions on every construct of a wave. */
function positionsOf(constructs: ConstructDocument[], wave: Wave, answers: AnswerSet): Positions {
	return constructs.map((construct) => constructPosition(scaleItemsOf(construct, wave), answers));
}

/** A pair's risk and positions from its own answers. */
export function assessPairInFull(
	evidence: ProgramEvidence,
	pair: ProgramEvidence['pairs'][number]
): PairAssessment {
	const positionsAt = (wave: Wave) => {
		const own = evidence.waves[wave].byPair.get(pair.id) ?? {};
		const at: Partial<Record<PairRole, Positions>> = {};
		for (const role of ['mentor', 'protege'] as const) {
			const answers = own[role];
			if (answers) at[role] = positionsOf(evidence.constructs, wave, answers);
		}
		return at;
	};
	return {
		risk: assessPairRisk(evidence, pair),
		positions: { pre: positionsAt('pre'), mid: positionsAt('mid') }
	};
}

/** Per construct, each role's mean position and how many answered, in one pass per role. */
function roleAverages(
	constructs: ConstructDocument[],
	wave: Wave,
	answers: WaveAnswers,
	pairs: readonly PairAssessment[]
): RoleAverages {
	const ofGroup = (sets: readonly AnswerSet[]) =>
		sets.map((set) => positionsOf(constructs, wave, set));
	const ofPairs = (role: PairRole) =>
		pairs.flatMap((pair) => {
			const positions = pair.positions[wave][role];
			return positions ? [positions] : [];
		});
	const respondents: Record<Role, readonly Positions[]> = {
		mentor: ofPairs('mentor'),
		protege: ofPairs('protege'),
		employer: ofGroup([...answers.byEmployer.values()].flat()),
		staff: ofGroup(answers.staff)
	};
	const result: RoleAverages = Object.fromEntries(constructs.map((c) => [c.key, {}]));
	for (const [role, positions] of Object.entries(respondents) as [Role, Positions[]][]) {
		constructs.forEach((construct, i) => {
			let sum = 0;
			let count = 0;
			for (const values of positions) {
				if (Number.isNaN(values[i])) continue;
				sum += values[i]!;
				count += 1;
			}
			if (count > 0) result[construct.key]![role] = { mean: sum / count, respondents: count };
		});
	}
	return result;
}

// The server keeps a program's evidence while it stays the same (analytics/evidence-cache.ts):
// the same evidence, never changed once built, is analysed once.
const analyses = new WeakMap<ProgramEvidence, ProgramAnalysis>();

/** Risk, alignment and the cohort views of a whole program, computed once from its evidence. */
export function analyseProgram(evidence: ProgramEvidence): ProgramAnalysis {
	let analysis = analyses.get(evidence);
	if (!analysis) analyses.set(evidence, (analysis = computeAnalysis(evidence)));
	return analysis;
}

/**
 * Per construct, the mean partner alignment at each wave and the share of pairs flagged at their
 * latest wave: one pass over the pairs, each sum taken in the pairs' order.
 */
function cohortViews(evidence: ProgramEvidence, pairs: PairRisk[]) {
	const keys = evidence.constructs.map((c) => c.key);
	const zeros = () => keys.map(() => 0);
	const sums = { pre: zeros(), mid: zeros() };
	const counts = { pre: zeros(), mid: zeros() };
	const compared = zeros();
	const flagged = zeros();
	const flagAt = 1 - evidence.thresholds.watch;
	for (const pair of pairs) {
		for (const wave of ANALYSED_WAVES) {
			const byConstruct = pair.partners[wave].byConstruct;
			keys.forEach((key, i) => {
				const divergence = byConstruct[key];
				if (divergence === null || divergence === undefined) return;
				sums[wave][i]! += divergence;
				counts[wave][i]! += 1;
			});
		}
		if (!pair.latest) continue;
		const latest = pair.partners[pair.latest].byConstruct;
		keys.forEach((key, i) => {
			const divergence = latest[key];
			if (divergence === null || divergence === undefined) return;
			compared[i]! += 1;
			if (divergence > flagAt) flagged[i]! += 1;
		});
	}
	const drift: ProgramAnalysis['drift'] = {};
	const flaggedShare: ProgramAnalysis['flaggedShare'] = {};
	const alignment = (wave: Wave, i: number) =>
		counts[wave][i] === 0 ? null : 1 - sums[wave][i]! / counts[wave][i]!;
	keys.forEach((key, i) => {
		drift[key] = { pre: alignment('pre', i), mid: alignment('mid', i) };
		flaggedShare[key] = compared[i] === 0 ? null : flagged[i]! / compared[i]!;
	});
	return { drift, flaggedShare };
}

function computeAnalysis(evidence: ProgramEvidence): ProgramAnalysis {
	const assessments = evidence.pairs.map(
		(pair) => evidence.assessed?.get(pair.id) ?? assessPairInFull(evidence, pair)
	);
	// Sorted with each pair's standing, severity and score looked up once, not per comparison.
	const pairs = assessments
		.map(({ risk }) => ({ risk, severity: severity(risk), score: latestScore(risk) }))
		.sort((a, b) => compareSeverity(a.severity, b.severity) || a.score - b.score)
		.map(({ risk }) => risk);
	const averagesAt = (wave: Wave) =>
		roleAverages(evidence.constructs, wave, evidence.waves[wave], assessments);
	return {
		pairs,
		roleAverages: { pre: averagesAt('pre'), mid: averagesAt('mid') },
		...cohortViews(evidence, pairs)
	};
}
