import { wilsonInterval, type Interval } from './wilson';

/** A report never shows a count of fewer people than this, nor one that gives such a count away. */
export const SMALLEST_CELL = 5;

/** A count as a report may show it: the number, or suppressed. */
export type ShownCount = { shown: true; count: number } | { shown: false };

export function shownCount(count: number): ShownCount {
	return count >= SMALLEST_CELL ? { shown: true, count } : { shown: false };
}

/** A share of a group as a report may show it. */
export type ShownShare =
	| { shown: true; count: number; of: number; share: number; interval: Interval }
	| { shown: false; of: number | null };

/**
 * `count` people of `of`, with its Wilson 95% interval, or suppressed when the count or the group
 * is under five people. For an outcome (who found work), `rest` also suppresses it when the rest
 * of the group is under five, since subtraction would give that count away. The group's size is
 * itself suppressed when under five.
 */
export function shownShare(count: number, of: number, { rest = false } = {}): ShownShare {
	if (count < SMALLEST_CELL || of < SMALLEST_CELL || (rest && of - count < SMALLEST_CELL))
		return { shown: false, of: of >= SMALLEST_CELL ? of : null };
	return { shown: true, count, of, share: count / of, interval: wilsonInterval(count, of)! };
}
