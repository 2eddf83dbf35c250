import type { ProgramAnalysis, PairRisk } from '$lib/alignment/program-analysis';
import type { RiskLevel, Wave } from '$lib/alignment/risk';
import { describeReason } from '$lib/analytics/reason-words';
import { CHART_ROLES, STATUS_FILTERS, type StatusFilter } from '$lib/analytics/overview-options';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { localized } from '$lib/labels';
import type { PairNames } from '../pairs/pairs';
import { FINAL_PAIR_STATUSES } from '../pairs/pairs';

export const PAIRS_PER_PAGE = 50;

export interface OverviewQuery {
	/** 'risk', 'name', or a construct key (lowest alignment first). */
	sort: string;
	status: StatusFilter;
	page: number;
}

/** Reads sorting, filtering and paging from the address, so the table works without JavaScript. */
export function readOverviewQuery(params: URLSearchParams, constructKeys: string[]): OverviewQuery {
	const sort = params.get('sort') ?? 'risk';
	const status = params.get('status') as StatusFilter | null;
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		sort: sort === 'name' || constructKeys.includes(sort) ? sort : 'risk',
		status: status && STATUS_FILTERS.includes(status) ? status : 'all',
		page: Number.isFinite(page) && page > 0 ? page : 1
	};
}

export type CellLevel = 'apart' | 'watch' | 'close';

export interface HeatCell {
	key: string;
	/** Alignment 0–100 of mentor and protégé on this construct; null when not comparable. */
	value: number | null;
	level: CellLevel | null;
}

export interface PairRow {
	id: string;
	mentorName: string;
	protegeName: string;
	pairStatus: PairNames['status'];
	/** Null for pairs that ended: they no longer need attention. */
	risk: RiskLevel | null;
	reasons: string[];
	wave: Wave | null;
	score: number | null;
	cells: HeatCell[];
}

export interface Thresholds {
	watch: number;
	risk: number;
}

const percent = (value: number | null) => (value === null ? null : Math.round(value * 100));

export function cellLevel(alignment: number | null, thresholds: Thresholds): CellLevel | null {
	if (alignment === null) return null;
	if (alignment < thresholds.risk) return 'apart';
	return alignment < thresholds.watch ? 'watch' : 'close';
}

export function itemsByKey(constructs: ConstructDocument[]): Map<string, ItemDocument> {
	return new Map(constructs.flatMap((c) => c.items).map((item) => [item.key, item]));
}

function pairRow(
	analysis: PairRisk,
	pair: PairNames,
	constructs: ConstructDocument[],
	thresholds: Thresholds
): PairRow {
	const ended = FINAL_PAIR_STATUSES.includes(pair.status);
	const wave = analysis.latest;
	const byConstruct = wave ? analysis.partners[wave].byConstruct : {};
	return {
		id: pair.id,
		mentorName: pair.mentorName,
		protegeName: pair.protegeName,
		pairStatus: pair.status,
		risk: ended ? null : analysis.status,
		reasons: [],
		wave,
		score: wave ? percent(analysis.partners[wave].score) : null,
		cells: constructs.map(({ key }) => {
			const divergence = byConstruct[key] ?? null;
			const alignment = divergence === null ? null : 1 - divergence;
			return { key, value: percent(alignment), level: cellLevel(alignment, thresholds) };
		})
	};
}

const RISK_ORDER = { at_risk: 0, watch: 1, ok: 2 } as const;

/** A pair of the table before it is shown: only what filtering and sorting read. */
interface Candidate {
	analysis: PairRisk;
	pair: PairNames;
	risk: RiskLevel | null;
}

/** The order asked for; ties keep the analysis's order (risk first), as the sort is stable. */
function compareCandidates(sort: string, locale: string) {
	const riskRank = (c: Candidate) => (c.risk === null ? 3 : RISK_ORDER[c.risk]);
	if (sort === 'name') {
		const names = (c: Candidate) => `${c.pair.protegeName} ${c.pair.mentorName}`;
		const { compare } = new Intl.Collator(locale);
		return (a: Candidate, b: Candidate) => compare(names(a), names(b));
	}
	if (sort === 'risk') return (a: Candidate, b: Candidate) => riskRank(a) - riskRank(b);
	const valueOf = ({ analysis }: Candidate) => {
		const divergence = analysis.latest
			? analysis.partners[analysis.latest].byConstruct[sort]
			: null;
		return divergence === null || divergence === undefined ? 101 : percent(1 - divergence)!;
	};
	return (a: Candidate, b: Candidate) => valueOf(a) - valueOf(b) || riskRank(a) - riskRank(b);
}

export interface PairsPage {
	rows: PairRow[];
	counts: Record<RiskLevel, number>;
	total: number;
	pages: number;
	page: number;
}

/**
 * The pairs table of a program overview: one row per pair in the order asked for (risk first by
 * default, as the analysis sorted them), filtered by risk level, one page at a time. Rows, cells
 * and reasons in words are made only for the rows shown: a program may have thousands of pairs.
 */
export function pairsTable(
	analysis: ProgramAnalysis,
	pairs: PairNames[],
	constructs: ConstructDocument[],
	thresholds: Thresholds,
	query: OverviewQuery,
	locale: string
): PairsPage {
	const pairById = new Map(pairs.map((p) => [p.id, p]));
	const items = itemsByKey(constructs);
	const counts: Record<RiskLevel, number> = { at_risk: 0, watch: 0, ok: 0 };
	const candidates: Candidate[] = [];
	for (const pairAnalysis of analysis.pairs) {
		const pair = pairById.get(pairAnalysis.pairId);
		if (!pair) continue;
		const risk = FINAL_PAIR_STATUSES.includes(pair.status) ? null : pairAnalysis.status;
		if (risk) counts[risk] += 1;
		if (query.status !== 'all' && risk !== query.status) continue;
		candidates.push({ analysis: pairAnalysis, pair, risk });
	}
	const sorted = candidates.sort(compareCandidates(query.sort, locale));
	const pages = Math.max(1, Math.ceil(sorted.length / PAIRS_PER_PAGE));
	const page = Math.min(query.page, pages);
	const shown = sorted
		.slice((page - 1) * PAIRS_PER_PAGE, page * PAIRS_PER_PAGE)
		.map(({ analysis: pairAnalysis, pair }) => {
			const row = pairRow(pairAnalysis, pair, constructs, thresholds);
			return row.risk === null
				? row
				: {
						...row,
						reasons: pairAnalysis.reasons.map(({ reason }) => describeReason(reason, items, locale))
					};
		});
	return { rows: shown, counts, total: sorted.length, pages, page };
}

export interface RoleAverageRow {
	key: string;
	name: string;
	/** Mean position 0–100 per role, in CHART_ROLES order; null where nobody of the role answered. */
	values: (number | null)[];
	/** Largest minus smallest role average: how differently the roles understand this construct. */
	spread: number | null;
}

export function roleAverageRows(
	analysis: ProgramAnalysis,
	constructs: ConstructDocument[],
	wave: Wave,
	locale: string
): RoleAverageRow[] {
	return constructs
		.map((construct) => {
			const averages = analysis.roleAverages[wave][construct.key] ?? {};
			const values = CHART_ROLES.map((role) => percent(averages[role]?.mean ?? null));
			const present = values.filter((v): v is number => v !== null);
			return {
				key: construct.key,
				name: localized(construct.name, locale),
				values,
				spread: present.length > 1 ? Math.max(...present) - Math.min(...present) : null
			};
		})
		.filter((row) => row.values.some((v) => v !== null));
}

export interface DriftRow {
	key: string;
	name: string;
	pre: number | null;
	mid: number | null;
	change: number | null;
	flaggedShare: number | null;
}

export function driftRows(
	analysis: ProgramAnalysis,
	constructs: ConstructDocument[],
	locale: string
): DriftRow[] {
	return constructs.map((construct) => {
		const pre = percent(analysis.drift[construct.key]?.pre ?? null);
		const mid = percent(analysis.drift[construct.key]?.mid ?? null);
		return {
			key: construct.key,
			name: localized(construct.name, locale),
			pre,
			mid,
			change: pre === null || mid === null ? null : mid - pre,
			flaggedShare: percent(analysis.flaggedShare[construct.key] ?? null)
		};
	});
}
