import { EMPLOYED, type WorkStatus } from '$lib/outcomes/follow-ups';
import { shownCount, shownShare, type ShownCount, type ShownShare } from './suppression';

/** Where a pair's `pre` alignment falls against its program's thresholds. */
export const BANDS = ['aligned', 'watch', 'at_risk'] as const;
export type Band = (typeof BANDS)[number];

export function alignmentBand(score: number, thresholds: { watch: number; risk: number }): Band {
	return score >= thresholds.watch ? 'aligned' : score >= thresholds.risk ? 'watch' : 'at_risk';
}

/**
 * A pair's standing from one wave's answers: at risk with a critical mismatch whatever its
 * overall score (expecting a referral the mentor will not give is not made up by agreeing on the
 * rest), else its score's band.
 */
export function standingBand(
	score: number,
	criticalMismatch: boolean,
	thresholds: { watch: number; risk: number }
): Band {
	return criticalMismatch ? 'at_risk' : alignmentBand(score, thresholds);
}

/** A protégé's answered follow-up: which pair, how long after the program, their work then. */
export interface OutcomeAnswer {
	pairId: string;
	months: number;
	work: WorkStatus;
}

export interface OutcomeRow {
	months: number;
	answered: ShownCount;
	inField: ShownShare;
	employed: ShownShare;
}

const inField = (answers: readonly OutcomeAnswer[]) =>
	answers.filter((a) => a.work === 'employed_in_field').length;
const employed = (answers: readonly OutcomeAnswer[]) =>
	answers.filter((a) => EMPLOYED.includes(a.work)).length;

/** Each follow-up step: how many protégés answered, and the shares at work in their field and at all. */
export function outcomesByStep(answers: readonly OutcomeAnswer[]): OutcomeRow[] {
	const steps = [...new Set(answers.map((a) => a.months))].sort((a, b) => a - b);
	return steps.map((months) => {
		const at = answers.filter((a) => a.months === months);
		return {
			months,
			answered: shownCount(at.length),
			inField: shownShare(inField(at), at.length, { rest: true }),
			employed: shownShare(employed(at), at.length, { rest: true })
		};
	});
}

export interface BandOutcomeRow {
	months: number;
	band: Band;
	inField: ShownShare;
}

/**
 * At each follow-up step, the share at work in their field among protégés of pairs in each `pre`
 * alignment band: the question behind Tandem (do well-aligned pairs do better?). Pairs without a
 * `pre` score are left out; every cell under five people is suppressed.
 */
export function outcomesByBand(
	answers: readonly OutcomeAnswer[],
	bandOf: ReadonlyMap<string, Band>
): BandOutcomeRow[] {
	const steps = [...new Set(answers.map((a) => a.months))].sort((a, b) => a - b);
	return steps.flatMap((months) =>
		BANDS.map((band) => {
			const at = answers.filter((a) => a.months === months && bandOf.get(a.pairId) === band);
			return { months, band, inField: shownShare(inField(at), at.length, { rest: true }) };
		})
	);
}

/** How many pairs fall in each band, as shares of the pairs with a score. */
export function bandShares(bands: readonly Band[]): { band: Band; share: ShownShare }[] {
	return BANDS.map((band) => ({
		band,
		share: shownShare(bands.filter((b) => b === band).length, bands.length)
	}));
}

/** The mean of some scores, or null when fewer than five (a mean of few pairs tells on them). */
export function shownMean(scores: readonly number[]): { mean: number; n: number } | null {
	if (scores.length < 5) return null;
	return { mean: scores.reduce((sum, s) => sum + s, 0) / scores.length, n: scores.length };
}
