import { sampleCorrelation, sampleVariance, sum } from 'simple-statistics';

/**
 * Internal consistency of a set of items from the same people: each row one person's scores,
 * item by item, with null for an item they did not answer (or answered "don't know").
 */

/** The rows with every item answered: α and item–rest correlations use complete responses only. */
export function completeRows(rows: readonly (readonly (number | null)[])[]): number[][] {
	return rows.filter((row): row is number[] => row.every((value) => value !== null));
}

/**
 * Cronbach's α = k/(k−1) · (1 − Σ var(item) / var(total)), sample variances. Null with fewer
 * than two items or two complete rows, or when the totals do not vary.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
	const k = rows[0]?.length ?? 0;
	if (k < 2 || rows.length < 2) return null;
	const totalVariance = sampleVariance(rows.map((row) => sum([...row])));
	if (totalVariance === 0) return null;
	const itemVariances = sum(
		Array.from({ length: k }, (_, i) => sampleVariance(rows.map((row) => row[i]!)))
	);
	return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

/**
 * Each item's correlation with the sum of the other items (the "rest"): low or negative, the item
 * does not go with the others. Null for an item or a rest that does not vary.
 */
export function itemRestCorrelations(rows: readonly (readonly number[])[]): (number | null)[] {
	const k = rows[0]?.length ?? 0;
	return Array.from({ length: k }, (_, i) => {
		if (rows.length < 3 || k < 2) return null;
		const item = rows.map((row) => row[i]!);
		const rest = rows.map((row) => sum([...row]) - row[i]!);
		if (sampleVariance(item) === 0 || sampleVariance(rest) === 0) return null;
		return sampleCorrelation(item, rest);
	});
}
