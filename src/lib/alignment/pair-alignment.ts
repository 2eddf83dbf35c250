import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { groupDivergence, itemDivergence, type Answer } from './item-divergence';

/** Answers by item key. */
export type AnswerSet = Readonly<Record<string, Answer>>;

/** How far apart two sides are on one item, in [0, 1]; null when it cannot be compared. */
type ItemComparison = (item: ItemDocument) => number | null;

function meanOver(construct: ConstructDocument, wave: string, compare: ItemComparison) {
	let sum = 0;
	let count = 0;
	for (const item of construct.items) {
		if (item.wave !== wave) continue;
		const divergence = compare(item);
		if (divergence === null) continue;
		sum += divergence;
		count += 1;
	}
	return count === 0 ? null : sum / count;
}

/** Mean item divergence over the construct's items (of one wave) that both answered; null when none. */
export function constructDivergence(
	construct: ConstructDocument,
	wave: string,
	a: AnswerSet,
	b: AnswerSet
): number | null {
	return meanOver(construct, wave, (item) => itemDivergence(item, a[item.key], b[item.key]));
}

export interface Alignment {
	/** 1 − weighted mean of the construct divergences; null when no construct could be compared. */
	score: number | null;
	/** Divergence per construct key, in [0, 1]; null when the construct could not be compared. */
	byConstruct: Record<string, number | null>;
}

function alignmentOver(
	constructs: ConstructDocument[],
	wave: string,
	compare: ItemComparison
): Alignment {
	const byConstruct: Record<string, number | null> = {};
	let weighted = 0;
	let weights = 0;
	for (const construct of constructs) {
		const divergence = meanOver(construct, wave, compare);
		byConstruct[construct.key] = divergence;
		if (divergence === null || construct.weight <= 0) continue;
		weighted += construct.weight * divergence;
		weights += construct.weight;
	}
	return { score: weights === 0 ? null : 1 - weighted / weights, byConstruct };
}

/** How well two people's answers agree, construct by construct and overall. */
export function pairAlignment(
	constructs: ConstructDocument[],
	wave: string,
	a: AnswerSet,
	b: AnswerSet
): Alignment {
	return alignmentOver(constructs, wave, (item) => itemDivergence(item, a[item.key], b[item.key]));
}

/**
 * How well one person agrees with a group's baseline (the coordinators, or the contacts of the
 * pair's employer): see `groupDivergence` for what the mean of a group's answers is per type.
 */
export function baselineAlignment(
	constructs: ConstructDocument[],
	wave: string,
	person: AnswerSet,
	group: readonly AnswerSet[]
): Alignment {
	return alignmentOver(constructs, wave, (item) =>
		groupDivergence(
			item,
			person[item.key],
			group.map((answers) => answers[item.key])
		)
	);
}
