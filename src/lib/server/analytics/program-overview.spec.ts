import { describe, expect, it } from 'vitest';
import type { Alignment } from '$lib/alignment/pair-alignment';
import type { PairRisk, ProgramAnalysis } from '$lib/alignment/program-analysis';
import type { RiskLevel } from '$lib/alignment/risk';
import { constructs } from '$lib/alignment/testing/instrument';
import type { PairNames } from '../pairs/pairs';
import { pairsTable, PAIRS_PER_PAGE, type OverviewQuery } from './program-overview';

const none: Alignment = { score: null, byConstruct: {} };

/** `focus`: how far apart the pair is on that construct (divergence, 0–1). */
function analysed(id: string, status: RiskLevel, focus: number | null): PairRisk {
	const partners: Alignment = { score: focus, byConstruct: { focus, commitment: null } };
	return {
		pairId: id,
		status,
		reasons: [],
		partners: { pre: partners, mid: none },
		latest: focus === null ? null : 'pre'
	};
}

const pair = (id: string, protegeName: string, status: PairNames['status'] = 'active') =>
	({ id, protegeName, mentorName: 'Mentor', status }) as PairNames;

// As analyseProgram sorts them: at risk first, then watch, then ok.
const analysis = {
	pairs: [
		analysed('a', 'at_risk', 0.9),
		analysed('b', 'watch', 0.1),
		analysed('c', 'ok', null),
		analysed('d', 'ok', 0.5)
	]
} as ProgramAnalysis;
const pairs = [
	pair('a', 'Émile'),
	pair('b', 'zoé'),
	pair('c', 'Ana', 'completed'),
	pair('d', 'Eve')
];
const thresholds = { watch: 0.7, risk: 0.5 };
const table = (query: Partial<OverviewQuery>, locale = 'fr') =>
	pairsTable(
		analysis,
		pairs,
		constructs,
		thresholds,
		{ sort: 'risk', status: 'all', page: 1, ...query },
		locale
	);

describe('the pairs table of a program overview', () => {
	it.each([
		['risk', ['a', 'b', 'd', 'c']],
		['name', ['c', 'a', 'd', 'b']],
		['focus', ['a', 'd', 'b', 'c']]
	])('sorted by %s', (sort, order) => {
		expect(table({ sort }).rows.map((row) => row.id)).toEqual(order);
	});

	it('counts pairs by risk, ended pairs aside, and filters by it', () => {
		const page = table({ status: 'ok' });
		expect(page.counts).toEqual({ at_risk: 1, watch: 1, ok: 1 });
		expect(page.rows.map((row) => [row.id, row.risk])).toEqual([['d', 'ok']]);
		expect(page.total).toBe(1);
	});

	it('makes cells only for the rows shown, a page at a time', () => {
		const [first] = table({ sort: 'focus' }).rows;
		expect(first!.cells).toEqual([
			{ key: 'focus', value: 10, level: 'apart' },
			{ key: 'commitment', value: null, level: null }
		]);
		expect(table({ page: 5 })).toEqual(expect.objectContaining({ page: 1, pages: 1 }));
		expect(PAIRS_PER_PAGE).toBeGreaterThan(pairs.length);
	});
});
