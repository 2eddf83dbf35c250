import type { ConstructDocument } from '$lib/instruments/types';
import { itemDivergence, type Answer } from './item-divergence';

/** Answers by item key. */
export type AnswerSet = Readonly<Record<string, Answer>>;

/** Mean item divergence over the construct's items (of one wave) that both answered; null when none. */
export function constructDivergence(
	construct: ConstructDocument,
	wave: string,
	a: AnswerSet,
	b: AnswerSet
): number | null {
	const divergences = construct.items
		.filter((item) => item.wave === wave)
		.map((item) => itemDivergence(item, a[item.key], b[item.key]))
		.filter((d): d is number => d !== null);
	if (divergences.length === 0) return null;
	return divergences.reduce((sum, d) => sum + d, 0) / divergences.length;
}

export interface Alignment {
	/** 1 − weighted mean of the construct divergences; null when no construct could be compared. */
	score: number | null;
	byConstruct: Record<string, number | null>;
}

/** How well two people's answers agree, construct by construct and overall. */
export function pairAlignment(
	constructs: ConstructDocument[],
	wave: string,
	a: AnswerSet,
	b: AnswerSet
): Alignment {
	const byConstruct: Record<string, number | null> = {};
	let weighted = 0;
	let weights = 0;
	for (const construct of constructs) {
		const divergence = constructDivergence(construct, wave, a, b);
		byConstruct[construct.key] = divergence;
		if (divergence === null || construct.weight <= 0) continue;
		weighted += construct.weight * divergence;
		weights += construct.weight;
	}
	return { score: weights === 0 ? null : 1 - weighted / weights, byConstruct };
}
