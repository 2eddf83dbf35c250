/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
	low: number;
	high: number;
}

/**
 * The Wilson score interval of a proportion `successes / n`: unlike p ± z·√(p(1−p)/n), it stays
 * within [0, 1] and keeps a width when p is 0 or 1, as small groups need. Null when n is 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval | null {
	if (n <= 0) return null;
	const p = successes / n;
	const z2 = z * z;
	const denominator = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denominator;
	const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
