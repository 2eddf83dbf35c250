import { describe, expect, it } from 'vitest';
import type { WorkStatus } from '$lib/outcomes/follow-ups';
import {
	alignmentBand,
	bandShares,
	outcomesByBand,
	outcomesByStep,
	shownMean,
	standingBand,
	type Band,
	type OutcomeAnswer
} from './program-report';

const thresholds = { watch: 0.7, risk: 0.5 };

/** `count` protégés of pairs `${prefix}1…`, answering `work` at `months`. */
const answers = (prefix: string, months: number, work: WorkStatus, count: number) =>
	Array.from({ length: count }, (_, i): OutcomeAnswer => ({
		pairId: `${prefix}${i}`,
		months,
		work
	}));

describe('the program report’s tables', () => {
	it('puts a score in its band at the program’s thresholds, a critical mismatch at risk', () => {
		expect([0.7, 0.69, 0.5, 0.49].map((s) => alignmentBand(s, thresholds))).toEqual([
			'aligned',
			'watch',
			'watch',
			'at_risk'
		]);
		expect(standingBand(0.9, true, thresholds)).toBe('at_risk');
		expect(standingBand(0.9, false, thresholds)).toBe('aligned');
	});

	it('gives the band table worked out by hand, a cell under five suppressed', () => {
		// Aligned pairs a0–a19: 14 at work in their field at 6 months, 6 not (70%).
		// Pairs at risk r0–r9: 3 in their field, 7 looking: 3 people, suppressed.
		// Pairs to watch w0–w3: 4 answers in all, suppressed with its group size.
		const sixMonths = [
			...answers('a', 6, 'employed_in_field', 14),
			...answers('x', 6, 'employed_other_field', 6).map((a, i) => ({ ...a, pairId: `a${14 + i}` })),
			...answers('r', 6, 'employed_in_field', 3),
			...answers('y', 6, 'looking', 7).map((a, i) => ({ ...a, pairId: `r${3 + i}` })),
			...answers('w', 6, 'employed_in_field', 4)
		];
		const bandOf = new Map<string, Band>();
		for (let i = 0; i < 20; i++) bandOf.set(`a${i}`, 'aligned');
		for (let i = 0; i < 10; i++) bandOf.set(`r${i}`, 'at_risk');
		for (let i = 0; i < 4; i++) bandOf.set(`w${i}`, 'watch');
		const table = outcomesByBand(sixMonths, bandOf);
		expect(table.map((row) => [row.band, row.inField.shown])).toEqual([
			['aligned', true],
			['watch', false],
			['at_risk', false]
		]);
		expect(table[0]!.inField).toMatchObject({ count: 14, of: 20, share: 0.7 });
		expect(table[0]!.inField.shown && table[0]!.inField.interval.low).toBeCloseTo(0.48103, 5);
		expect(table[1]!.inField).toEqual({ shown: false, of: null });
		expect(table[2]!.inField).toEqual({ shown: false, of: 10 });
	});

	it('counts each step’s answers, at work in the field and at all', () => {
		const rows = outcomesByStep([
			...answers('a', 3, 'employed_in_field', 5),
			...answers('b', 3, 'employed_other_field', 5),
			...answers('c', 3, 'looking', 10),
			...answers('d', 12, 'looking', 2)
		]);
		expect(rows.map((r) => r.months)).toEqual([3, 12]);
		expect(rows[0]).toMatchObject({
			answered: { shown: true, count: 20 },
			inField: { shown: true, count: 5, of: 20, share: 0.25 },
			employed: { shown: true, count: 10, of: 20, share: 0.5 }
		});
		expect(rows[1]!.answered).toEqual({ shown: false });
	});

	it('shows shares of bands and a mean only from five pairs', () => {
		const shares = bandShares(['aligned', 'aligned', 'aligned', 'aligned', 'aligned', 'at_risk']);
		expect(shares.map((s) => [s.band, s.share.shown])).toEqual([
			['aligned', true],
			['watch', false],
			['at_risk', false]
		]);
		expect(shares[0]!.share).toMatchObject({ count: 5, of: 6 });
		expect(shownMean([0.5, 0.6, 0.7, 0.8])).toBeNull();
		expect(shownMean([0.5, 0.6, 0.7, 0.8, 0.9])).toEqual({ mean: 0.7, n: 5 });
	});
});
