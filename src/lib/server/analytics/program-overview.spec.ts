import { describe, expect, it } from 'vitest';
import type { Alignment } from '$lib/alignment/pair-alignment';
import type { PairRisk, ProgramAnalysis } from '$lib/alignment/program-analysis';
import { DEFAULT_RISK_KEYS, type AssessedReason, type RiskLevel } from '$lib/alignment/risk';
import { constructs } from '$lib/alignment/testing/instrument';
import type { PairNames } from '../pairs/pairs';
import { attentionPairs } from './attention-pairs';
import { itemsByKey, type OverviewQuery } from './program-overview';
import {
	bySeverity,
	countByStanding,
	listedPairs,
	pairsTable,
	PAIRS_PER_PAGE
} from './pairs-table';

const none: Alignment = { score: null, byConstruct: {} };

/** `focus`: how far apart the pair is on that construct (divergence, 0–1). */
function analysed(
	id: string,
	status: RiskLevel,
	focus: number | null,
	reasons: AssessedReason[] = []
): PairRisk {
	const partners: Alignment = {
		score: focus === null ? null : 1 - focus,
		byConstruct: { focus, commitment: null }
	};
	return {
		pairId: id,
		status,
		reasons,
		partners: { pre: partners, mid: none },
		latest: focus === null ? null : 'pre'
	};
}

const keyQuestion: AssessedReason = {
	level: 'at_risk',
	reason: {
		kind: 'critical_mismatch',
		wave: 'pre',
		itemKey: 'referrals',
		mentor: '1',
		protege: '5'
	}
};
const lateMentor: AssessedReason = {
	level: 'watch',
	reason: { kind: 'overdue', person: 'mentor', wave: 'pre' }
};

const pair = (id: string, protegeName: string, status: PairNames['status'] = 'active') =>
	({ id, protegeName, mentorName: 'Mentor', status }) as PairNames;

// A pair at risk whose topic number alone looks healthy (95): one key question raised it.
const analysis = {
	pairs: [
		analysed('a', 'at_risk', 0.05, [keyQuestion]),
		analysed('b', 'watch', 0.9, [lateMentor]),
		analysed('c', 'ok', null),
		analysed('d', 'ok', 0.5),
		analysed('e', 'ok', null),
		analysed('f', 'at_risk', 0.1, [keyQuestion, lateMentor])
	]
} as ProgramAnalysis;
const pairs = [
	pair('a', 'Émile'),
	pair('b', 'zoé'),
	pair('c', 'Ana', 'completed'),
	pair('d', 'Eve'),
	pair('e', 'Bob'),
	pair('f', 'Yves')
];
const evidence = { constructs, thresholds: { watch: 0.7, risk: 0.5 }, keys: DEFAULT_RISK_KEYS };
const listed = listedPairs(analysis, pairs);
const table = (query: Partial<OverviewQuery>, locale = 'fr') =>
	pairsTable(listed, evidence, { sort: 'risk', status: 'all', q: '', page: 1, ...query }, locale);

describe('the pairs table of a program overview', () => {
	it.each([
		// Most serious signals first; then the pair waiting for answers; then OK; ended last.
		['risk', ['f', 'a', 'b', 'e', 'd', 'c']],
		['name', ['c', 'e', 'a', 'd', 'f', 'b']],
		['focus', ['b', 'd', 'f', 'a', 'e', 'c']]
	])('sorted by %s', (sort, order) => {
		expect(table({ sort }).rows.map((row) => row.id)).toEqual(order);
	});

	it('counts pairs by standing, ended pairs aside, and never calls a pair without answers OK', () => {
		expect(countByStanding(listed)).toEqual({ at_risk: 2, watch: 1, waiting: 1, ok: 1 });
		expect(table({ status: 'ok' }).rows.map((row) => [row.id, row.standing])).toEqual([
			['d', 'ok']
		]);
		expect(table({ status: 'waiting' }).rows.map((row) => row.id)).toEqual(['e']);
		expect(table({ status: 'attention' }).rows.map((row) => row.id)).toEqual(['f', 'a', 'b']);
	});

	it('marks the cell of the item that raised a pair, so the row looks as bad as its status', () => {
		const row = table({ status: 'at_risk' }).rows.find((r) => r.id === 'a')!;
		const [focus, commitment] = row.cells;
		expect(focus).toEqual({
			value: 95,
			level: 'apart',
			mark: { level: 'at_risk', label: 'x', figure: 'personne mentorée 5 sur 5, mentor 1 sur 5' },
			more: 0
		});
		expect(commitment).toEqual({ value: null, level: null, mark: null, more: 0 });
		expect(row.overall).toEqual({ value: 95, level: 'close', mark: null, more: 0 });
	});

	it('words a late survey beside the pair, where no number can carry it', () => {
		const row = table({}, 'en').rows.find((r) => r.id === 'b')!;
		expect(row.notes).toEqual([
			{ level: 'watch', text: 'The mentor has not answered the survey before the program.' }
		]);
		expect(row.cells[0]).toEqual({ value: 10, level: 'apart', mark: null, more: 0 });
	});

	it.each([
		['emile', ['a']],
		['ZOE', ['b']],
		['  yves ', ['f']],
		['mentor', ['f', 'a', 'b', 'e', 'd', 'c']],
		['nobody', []]
	])('finds pairs by a mentor or protégé name, accents and case aside: %j', (q, ids) => {
		expect(table({ q }).rows.map((row) => row.id)).toEqual(ids);
	});

	it('pages the pairs a search finds, 25 at a time', () => {
		const many = Array.from({ length: 120 }, (_, i) => `p${i}`);
		const found = listedPairs(
			{ pairs: [...many, 'x'].map((id) => analysed(id, 'ok', 0.2)) } as ProgramAnalysis,
			[
				...many.map((id, i) => ({ ...pair(id, `Bélanger ${i}`), mentorName: 'Ana' })),
				pair('x', 'Tremblay')
			]
		);
		const query = { sort: 'name', status: 'all', q: 'belanger', page: 5 } as const;
		const last = pairsTable(found, evidence, query, 'fr');
		expect([last.total, last.pages, last.page, last.rows.length]).toEqual([120, 5, 5, 20]);
		const first = pairsTable(found, evidence, { ...query, page: 1 }, 'fr').rows;
		expect(first.slice(0, 3).map((row) => row.protegeName)).toEqual([
			'Bélanger 0',
			'Bélanger 1',
			'Bélanger 2'
		]);
		expect(first).toHaveLength(PAIRS_PER_PAGE);
	});

	it('pages by risk exactly as a full sort by risk and names would', () => {
		// 90 pairs in few severities, with names that need the reader's collation to order.
		const statuses: RiskLevel[] = ['ok', 'watch', 'at_risk'];
		const names = ['Émile', 'emma', 'Zoé', 'Ève', 'ana', 'Ánh', 'Ola'];
		const ids = Array.from({ length: 90 }, (_, i) => `p${i}`);
		const many = listedPairs(
			{
				pairs: ids.map((id, i) =>
					analysed(
						id,
						statuses[i % 3]!,
						0.3,
						i % 3 === 0 ? [] : Array(i % 2 ? 1 : 2).fill(lateMentor)
					)
				)
			} as ProgramAnalysis,
			ids.map((id, i) => ({
				...pair(id, names[(i * 5) % names.length]!, i % 11 === 0 ? 'completed' : 'active'),
				mentorName: names[(i * 3) % names.length]!
			}))
		);
		const everyRow = [...many].sort(bySeverity('fr')).map((p) => p.pair.id);
		const paged = [1, 2, 3, 4].flatMap((page) =>
			pairsTable(many, evidence, { sort: 'risk', status: 'all', q: '', page }, 'fr').rows.map(
				(row) => row.id
			)
		);
		expect(paged).toEqual(everyRow);
	});

	it('makes rows only for a page at a time', () => {
		expect(table({ page: 5 })).toEqual(expect.objectContaining({ page: 1, pages: 1 }));
		expect(PAIRS_PER_PAGE).toBeGreaterThan(pairs.length);
	});
});

describe('the pairs that need a coordinator', () => {
	it('lists pairs at risk or to watch, most severe first, with every reason in words', () => {
		const { total, shown } = attentionPairs(listed, itemsByKey(constructs), 'en', 2);
		expect(total).toBe(3);
		expect(shown.map((p) => [p.pair.id, p.severity])).toEqual([
			['f', { serious: 1, watch: 1 }],
			['a', { serious: 1, watch: 0 }]
		]);
		expect(shown[0]!.reasons).toEqual([
			'Far apart on a key question. x: protégé “x” (5 of 5), mentor “x” (1 of 5).',
			'The mentor has not answered the survey before the program.'
		]);
	});
});
