import type { ConstructDocument } from '$lib/instruments/types';
import { pairAlignment, type AnswerSet } from './pair-alignment';
import { assessPair, type AssessedReason, type PairEvidence, type RiskLevel } from './risk';

/** What every prediction in a program shares: the instrument, the thresholds, the rule keys. */
export interface PredictionRules {
	constructs: ConstructDocument[];
	thresholds: PairEvidence['thresholds'];
	keys: PairEvidence['keys'];
}

export interface Prediction {
	/** The `pre` alignment the pair page would show; null when no construct could be compared. */
	score: number | null;
	status: RiskLevel;
	reasons: AssessedReason[];
}

const NO_MID = {};

/**
 * The alignment and status a mentor and a protégé would get on the pair page if they were
 * paired today: their `pre` answers compared with the same divergences, weights, key questions
 * and thresholds, before any check-in (so no silence, commitment or unmet expectation yet).
 */
export function predictPair(
	rules: PredictionRules,
	mentor: AnswerSet,
	protege: AnswerSet
): Prediction {
	const alignment = pairAlignment(rules.constructs, 'pre', mentor, protege);
	const { status, reasons } = assessPair(
		{
			constructs: rules.constructs,
			thresholds: rules.thresholds,
			keys: rules.keys,
			answers: { pre: { mentor, protege }, mid: NO_MID },
			overdue: []
		},
		{ pre: alignment }
	);
	return { score: alignment.score, status, reasons };
}
