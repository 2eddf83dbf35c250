import type { ItemDocument } from '$lib/instruments/types';

/** One person's answer to one item: the chosen values (several only for `multi`). */
export type Answer = readonly string[] | undefined;

const answerOptions = (item: ItemDocument) => (item.options ?? []).filter((o) => !o.missing);

/** True when there is nothing to score: no answer, or only "don't know / prefer not to say". */
export function isMissing(item: ItemDocument, answer: Answer): boolean {
	if (!answer || answer.length === 0) return true;
	const missing = new Set((item.options ?? []).filter((o) => o.missing).map((o) => o.value));
	return answer.every((value) => missing.has(value));
}

/** Position of a scale answer in [0, 1]: i / (k − 1) along the options as listed. */
export function scalePosition(item: ItemDocument, answer: Answer): number | null {
	if (item.type !== 'scale' || isMissing(item, answer)) return null;
	const options = answerOptions(item);
	const index = options.findIndex((o) => o.value === answer![0]);
	if (index < 0 || options.length < 2) return null;
	return index / (options.length - 1);
}

/** How much of the thing an answer says, in [0, 1] for scales: the declared direction applied. */
export function amountOf(item: ItemDocument, answer: Answer): number | null {
	const position = scalePosition(item, answer);
	if (position === null) return null;
	return item.direction === 'descending' ? 1 - position : position;
}

export function numberValue(item: ItemDocument, answer: Answer): number | null {
	if (item.type !== 'number' || isMissing(item, answer)) return null;
	const value = Number(answer![0]);
	return Number.isFinite(value) ? value : null;
}

/**
 * Divergence between two people's answers to one matched item, in [0, 1]; null when either is
 * missing or "don't know" (never counted as 0), and for free text, which is not scored.
 * scale: |x − y| on positions; choice: 0 if equal else 1; multi: Jaccard distance;
 * number: |a − b| / max(|a|, |b|), 0 when both are 0.
 */
export function itemDivergence(item: ItemDocument, a: Answer, b: Answer): number | null {
	if (isMissing(item, a) || isMissing(item, b)) return null;
	switch (item.type) {
		case 'scale': {
			const x = scalePosition(item, a);
			const y = scalePosition(item, b);
			return x === null || y === null ? null : Math.abs(x - y);
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
			const x = numberValue(item, a);
			const y = numberValue(item, b);
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

/**
 * Divergence between one person and the mean of a group's answers (the staff baseline): for
 * scales the distance to the group's mean position, for numbers the relative distance to the
 * group's mean, for choices and sets (which have no mean) the mean divergence to each member.
 * Members who did not answer or said "don't know" are left out; null when nobody is left.
 */
export function groupDivergence(
	item: ItemDocument,
	answer: Answer,
	group: Answer[]
): number | null {
	if (isMissing(item, answer)) return null;
	switch (item.type) {
		case 'scale': {
			const centre = mean(group.map((member) => scalePosition(item, member)));
			const x = scalePosition(item, answer);
			return centre === null || x === null ? null : Math.abs(x - centre);
		}
		case 'number': {
			const centre = mean(group.map((member) => numberValue(item, member)));
			const x = numberValue(item, answer);
			if (centre === null || x === null) return null;
			const scale = Math.max(Math.abs(x), Math.abs(centre));
			return scale === 0 ? 0 : Math.abs(x - centre) / scale;
		}
		default:
			return mean(group.map((member) => itemDivergence(item, answer, member)));
	}
}
