import { describe, expect, it } from 'vitest';
import { completeRows, cronbachAlpha, itemRestCorrelations } from './reliability';
import { shownCount, shownShare } from './suppression';
import { wilsonInterval } from './wilson';

/**
 * Five people, three items (scores already in one direction), and one person who skipped an item.
 * By hand: item variances 2.5, 1.7, 2.2 (sum 6.4); totals 4, 7, 9, 13, 14 with variance 17.3;
 * α = 3/2 · (1 − 6.4/17.3) = 16.35/17.3 = 0.94509.
 * Item A against the rest (3, 5, 6, 9, 9): deviations (−2, −1, 0, 1, 2) and (−3.4, −1.4, −0.4,
 * 2.6, 2.6), Σ products 16, Σ squares 10 and 27.2: r = 16/√272 = 0.97014.
 */
const ROWS = [
	[1, 2, 1],
	[2, 2, 3],
	[3, 3, 3],
	[4, 5, 4],
	[5, 4, 5],
	[3, null, 2]
];

describe('internal consistency', () => {
	it('keeps complete responses only', () => {
		expect(completeRows(ROWS)).toHaveLength(5);
	});

	it('gives Cronbach’s α as computed by hand', () => {
		expect(cronbachAlpha(completeRows(ROWS))).toBeCloseTo(16.35 / 17.3, 12);
	});

	it('gives each item’s correlation with the rest as computed by hand', () => {
		const [a, b, c] = itemRestCorrelations(completeRows(ROWS));
		expect(a).toBeCloseTo(16 / Math.sqrt(272), 12);
		// B: rest (2, 5, 6, 8, 10): Σ products 12.8, Σ squares 6.8 and 36.8.
		expect(b).toBeCloseTo(12.8 / Math.sqrt(6.8 * 36.8), 12);
		// C: rest (3, 4, 6, 9, 9): Σ products 14.8, Σ squares 8.8 and 30.8.
		expect(c).toBeCloseTo(14.8 / Math.sqrt(8.8 * 30.8), 12);
	});

	it('has no α for one item, one response or totals that do not vary', () => {
		expect(cronbachAlpha([[1], [2]])).toBeNull();
		expect(cronbachAlpha([[1, 2]])).toBeNull();
		expect(
			cronbachAlpha([
				[1, 2],
				[2, 1],
				[3, 0]
			])
		).toBeNull();
	});
});

describe('Wilson intervals', () => {
	it('matches the textbook values', () => {
		const fourteenOfTwenty = wilsonInterval(14, 20)!;
		expect(fourteenOfTwenty.low).toBeCloseTo(0.48103, 5);
		expect(fourteenOfTwenty.high).toBeCloseTo(0.85452, 5);
		expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.27753, 5) });
		expect(wilsonInterval(10, 10)!.low).toBeCloseTo(0.72247, 5);
		expect(wilsonInterval(0, 0)).toBeNull();
	});
});

describe('suppression of small cells', () => {
	it('hides a count under five', () => {
		expect(shownCount(4)).toEqual({ shown: false });
		expect(shownCount(5)).toEqual({ shown: true, count: 5 });
	});

	it('hides a share when the count or the group is under five, and for an outcome the rest too', () => {
		expect(shownShare(14, 20)).toMatchObject({ shown: true, count: 14, of: 20, share: 0.7 });
		expect(shownShare(4, 20)).toEqual({ shown: false, of: 20 });
		expect(shownShare(17, 20)).toMatchObject({ shown: true, count: 17 });
		// 17 of 20 at work would tell that 3 were not.
		expect(shownShare(17, 20, { rest: true })).toEqual({ shown: false, of: 20 });
		expect(shownShare(14, 20, { rest: true })).toMatchObject({ shown: true, count: 14 });
		expect(shownShare(5, 4)).toEqual({ shown: false, of: null });
	});
});
