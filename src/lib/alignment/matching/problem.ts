import type { RiskLevel } from '../risk';

/**
 * A matching problem as numbers, people by index (in id order, so the same input always gives the
 * same suggestion). Edges are stored protégé-major: edge (mentor m, protégé p) is `p * mentors + m`.
 */
export interface MatchProblem {
	mentors: number;
	proteges: number;
	/** Places left per mentor: their capacity less their running pairs. */
	capacity: readonly number[];
	/** May this edge be suggested? 0 for a never-pair lock, a must-rule failed, or no answers. */
	allowed: Uint8Array;
	/** Predicted status per edge (see STATUS), known wherever both people answered `pre`. */
	status: Uint8Array;
	/** Predicted alignment × 1000 plus rule bonuses, per edge; at most MAX_POINTS. */
	points: Uint16Array;
	/** Must-pair locks, [mentor, protégé], at most one per protégé: always in the suggestion. */
	must: readonly (readonly [number, number])[];
}

export const STATUS = { ok: 0, watch: 1, at_risk: 2, unknown: 3 } as const;
export type StatusCode = (typeof STATUS)[keyof typeof STATUS];

export const statusCode = (status: RiskLevel): StatusCode => STATUS[status];

/** Alignment counts 0–1000; each rule met as a bonus adds BONUS_POINTS (two rules at most). */
export const ALIGNMENT_POINTS = 1000;
export const BONUS_POINTS = 100;
export const MAX_POINTS = ALIGNMENT_POINTS + 2 * BONUS_POINTS;

/** [mentor, protégé] index pairs. */
export type Assignment = (readonly [number, number])[];

/**
 * What a suggestion is judged by, in this order: fewer pairs predicted at risk (so none but the
 * coordinator's must-pairs), more pairs, fewer to watch, more points.
 */
export interface Objective {
	pairs: number;
	atRisk: number;
	watch: number;
	points: number;
}

export function objectiveOf(problem: MatchProblem, assignment: Assignment): Objective {
	const objective = { pairs: 0, atRisk: 0, watch: 0, points: 0 };
	for (const [mentor, protege] of assignment) {
		const edge = protege * problem.mentors + mentor;
		const status = problem.status[edge];
		objective.pairs += 1;
		if (status === STATUS.at_risk) objective.atRisk += 1;
		else if (status === STATUS.watch) objective.watch += 1;
		objective.points += problem.points[edge]!;
	}
	return objective;
}

/** Negative when `a` is the better suggestion, positive when `b` is, 0 when equally good. */
export function compareObjectives(a: Objective, b: Objective): number {
	return a.atRisk - b.atRisk || b.pairs - a.pairs || a.watch - b.watch || b.points - a.points;
}
