import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import {
	divergenceFromBaseline,
	groupBaseline,
	itemDivergence,
	type Answer,
	type GroupBaseline
} from './item-divergence';

/** Answers by item key. */
export type AnswerSet = Readonly<Record<string, Answer>>;

/** How far apart two sides are on one item, in [0, 1]; null when it cannot be compared. */
type ItemComparison = (item: ItemDocument) => number | null;

// Every pair is compared construct by construct, wave by wave: split each construct's items once.
const itemsByWave = new WeakMap<ConstructDocument, Map<string, ItemDocument[]>>();

/** A construct's items of one wave, in order (split once per construct). */
export function itemsOf(construct: ConstructDocument, wave: string): ItemDocument[] {
	let waves = itemsByWave.get(construct);
	if (!waves) itemsByWave.set(construct, (waves = new Map()));
	let items = waves.get(wave);
	if (!items) waves.set(wave, (items = construct.items.filter((item) => item.wave === wave)));
	return items;
}

function meanOver(construct: ConstructDocument, wave: string, compare: ItemComparison) {
	let sum = 0;
	let count = 0;
	for (const item of itemsOf(construct, wave)) {
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

// A program compares every mentor and protégé with the same few groups: read each group's
// answers to an item once. Groups are the evidence's own arrays, never changed once built.
const baselines = new WeakMap<readonly AnswerSet[], Map<ItemDocument, GroupBaseline>>();

function baselinesOf(group: readonly AnswerSet[]): (item: ItemDocument) => GroupBaseline {
	let byItem = baselines.get(group);
	if (!byItem) baselines.set(group, (byItem = new Map()));
	const known = byItem;
	return (item) => {
		let baseline = known.get(item);
		if (!baseline) {
			baseline = groupBaseline(
				item,
				group.map((answers) => answers[item.key])
			);
			known.set(item, baseline);
		}
		return baseline;
	};
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
	if (group.length === 0) return alignmentOver(constructs, wave, () => null);
	const baselineOf = baselinesOf(group);
	return alignmentOver(constructs, wave, (item) =>
		divergenceFromBaseline(baselineOf(item), person[item.key])
	);
}
