import type { ItemDocument } from '$lib/instruments/types';

/** One person's answer to one item: the chosen values (several only for `multi`). */
export type Answer = readonly string[] | undefined;

interface OptionFacts {
	/** The "don't know / prefer not to say" values. */
	missing: ReadonlySet<string>;
	/** Position i / (k − 1) of each answer option (k ≥ 2), in the order listed. */
	positions: ReadonlyMap<string, number>;
}

// Metrics run over every answer of a program: read each item's options once, not per answer.
// Item documents are never changed once loaded (a published version is frozen).
const optionFacts = new WeakMap<ItemDocument, OptionFacts>();

function factsOf(item: ItemDocument): OptionFacts {
	let facts = optionFacts.get(item);
	if (!facts) {
		const options = item.options ?? [];
		const answerable = options.filter((o) => !o.missing);
		facts = {
			missing: new Set(options.filter((o) => o.missing).map((o) => o.value)),
			positions: new Map(
				answerable.length < 2
					? []
					: // reversed so that a value listed twice keeps its first position
						answerable.map((o, i) => [o.value, i / (answerable.length - 1)] as const).reverse()
			)
		};
		optionFacts.set(item, facts);
	}
	return facts;
}

function missingIn(facts: OptionFacts, answer: Answer): boolean {
	if (!answer || answer.length === 0) return true;
	for (let i = 0; i < answer.length; i++) if (!facts.missing.has(answer[i]!)) return false;
	return true;
}

function numberIn(answer: readonly string[]): number | null {
	const value = Number(answer[0]);
	return Number.isFinite(value) ? value : null;
}

/** True when there is nothing to score: no answer, or only "don't know / prefer not to say". */
export function isMissing(item: ItemDocument, answer: Answer): boolean {
	return missingIn(factsOf(item), answer);
}

/** Position of a scale answer in [0, 1]: i / (k − 1) along the options as listed. */
export function scalePosition(item: ItemDocument, answer: Answer): number | null {
	if (item.type !== 'scale') return null;
	const facts = factsOf(item);
	return missingIn(facts, answer) ? null : (facts.positions.get(answer![0]!) ?? null);
}

/** How much of the thing an answer says, in [0, 1] for scales: the declared direction applied. */
export function amountOf(item: ItemDocument, answer: Answer): number | null {
	const position = scalePosition(item, answer);
	if (position === null) return null;
	return item.direction === 'descending' ? 1 - position : position;
}

export function numberValue(item: ItemDocument, answer: Answer): number | null {
	if (item.type !== 'number' || isMissing(item, answer)) return null;
	return numberIn(answer!);
}

/**
 * Divergence between two people's answers to one matched item, in [0, 1]; null when either is
 * missing or "don't know" (never counted as 0), and for free text, which is not scored.
 * scale: |x − y| on positions; choice: 0 if equal else 1; multi: Jaccard distance;
 * number: |a − b| / max(|a|, |b|), 0 when both are 0.
 */
export function itemDivergence(item: ItemDocument, a: Answer, b: Answer): number | null {
	const facts = factsOf(item);
	if (missingIn(facts, a) || missingIn(facts, b)) return null;
	switch (item.type) {
		case 'scale': {
			const x = facts.positions.get(a![0]!);
			const y = facts.positions.get(b![0]!);
			return x === undefined || y === undefined ? null : Math.abs(x - y);
		}
		case 'choice':
			return a![0] === b![0] ? 0 : 1;
		case 'multi': {
			const left = new Set(a);
			const right = new Set(b);
			const union = new Set([...left, ...right]);
			const shared = [...left].filter((value) => right.has(value)).length;
			return 1 - shared / union.size;
		}
		case 'number': {
			const x = numberIn(a!);
			const y = numberIn(b!);
			if (x === null || y === null) return null;
			const scale = Math.max(Math.abs(x), Math.abs(y));
			return scale === 0 ? 0 : Math.abs(x - y) / scale;
		}
		case 'text':
			return null;
	}
}

function mean(values: (number | null)[]): number | null {
	let sum = 0;
	let count = 0;
	for (const value of values) {
		if (value === null) continue;
		sum += value;
		count += 1;
	}
	return count === 0 ? null : sum / count;
}

/** A group's answers to one item (the coordinators', an employer's contacts'), read once. */
export interface GroupBaseline {
	item: ItemDocument;
	members: readonly Answer[];
	/** Mean position (scales) or mean value (numbers) of those who answered; null otherwise. */
	centre: number | null;
	/** Divergences already worked out, by answer: a program's people share a few answer lists. */
	known: Map<readonly string[], number | null>;
}

export function groupBaseline(item: ItemDocument, members: readonly Answer[]): GroupBaseline {
	const centre =
		item.type === 'scale'
			? mean(members.map((member) => scalePosition(item, member)))
			: item.type === 'number'
				? mean(members.map((member) => numberValue(item, member)))
				: null;
	return { item, members, centre, known: new Map() };
}

function fromBaseline({ item, members, centre }: GroupBaseline, answer: Answer): number | null {
	const facts = factsOf(item);
	if (missingIn(facts, answer)) return null;
	switch (item.type) {
		case 'scale': {
			const x = facts.positions.get(answer![0]!);
			return centre === null || x === undefined ? null : Math.abs(x - centre);
		}
		case 'number': {
			const x = numberIn(answer!);
			if (centre === null || x === null) return null;
			const scale = Math.max(Math.abs(x), Math.abs(centre));
			return scale === 0 ? 0 : Math.abs(x - centre) / scale;
		}
		default:
			return mean(members.map((member) => itemDivergence(item, answer, member)));
	}
}

/** `groupDivergence` against a baseline read beforehand, for comparing many people with one group. */
export function divergenceFromBaseline(baseline: GroupBaseline, answer: Answer): number | null {
	if (!answer) return null;
	let divergence = baseline.known.get(answer);
	if (divergence === undefined) {
		divergence = fromBaseline(baseline, answer);
		baseline.known.set(answer, divergence);
	}
	return divergence;
}

/**
 * Divergence between one person and the mean of a group's answers (the staff baseline): for
 * scales the distance to the group's mean position, for numbers the relative distance to the
 * group's mean, for choices and sets (which have no mean) the mean divergence to each member.
 * Members who did not answer or said "don't know" are left out; null when nobody is left.
 */
export function groupDivergence(
	item: ItemDocument,
	answer: Answer,
	group: readonly Answer[]
): number | null {
	return divergenceFromBaseline(groupBaseline(item, group), answer);
}
