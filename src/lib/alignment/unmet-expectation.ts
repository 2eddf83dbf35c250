import type { ItemDocument } from '$lib/instruments/types';
import { amountOf, numberValue, type Answer } from './item-divergence';

/**
 * How far one person's experience (a `mid` item) falls short of their expectation (the `pre`
 * item it follows), in [0, 1]; 0 when met or exceeded, null when either answer is missing.
 * Scales compare amounts in the declared direction; numbers compare relative to the expectation.
 */
export function unmetExpectation(
	pre: ItemDocument,
	mid: ItemDocument,
	expected: Answer,
	experienced: Answer
): number | null {
	if (pre.type === 'scale' && mid.type === 'scale') {
		const want = amountOf(pre, expected);
		const got = amountOf(mid, experienced);
		return want === null || got === null ? null : Math.max(0, want - got);
	}
	if (pre.type === 'number' && mid.type === 'number') {
		const want = numberValue(pre, expected);
		const got = numberValue(mid, experienced);
		if (want === null || got === null) return null;
		return want <= 0 ? 0 : Math.min(1, Math.max(0, (want - got) / want));
	}
	return null;
}
