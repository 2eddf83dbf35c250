import type { ProgramAnalysis } from '$lib/alignment/program-analysis';
import type { Wave } from '$lib/alignment/risk';
import { CHART_ROLES, STATUS_FILTERS, type StatusFilter } from '$lib/analytics/overview-options';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { localized } from '$lib/labels';

export interface OverviewQuery {
	/** 'risk', 'name', or a construct key (lowest alignment first). */
	sort: string;
	status: StatusFilter;
	/** Part of a mentor's or protégé's name, as typed; empty for every pair. */
	q: string;
	page: number;
}

const SEARCH_MAX_LENGTH = 100;

/** Reads sorting, filtering and paging from the address, so the table works without JavaScript. */
export function readOverviewQuery(params: URLSearchParams, constructKeys: string[]): OverviewQuery {
	const sort = params.get('sort') ?? 'risk';
	const status = params.get('status') as StatusFilter | null;
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		sort: sort === 'name' || constructKeys.includes(sort) ? sort : 'risk',
		status: status && STATUS_FILTERS.includes(status) ? status : 'all',
		q: (params.get('q') ?? '').trim().slice(0, SEARCH_MAX_LENGTH),
		page: Number.isFinite(page) && page > 0 ? page : 1
	};
}

export type CellLevel = 'apart' | 'watch' | 'close';

export interface Thresholds {
	watch: number;
	risk: number;
}

export const percent = (value: number | null) => (value === null ? null : Math.round(value * 100));

export function cellLevel(alignment: number | null, thresholds: Thresholds): CellLevel | null {
	if (alignment === null) return null;
	if (alignment < thresholds.risk) return 'apart';
	return alignment < thresholds.watch ? 'watch' : 'close';
}

export function itemsByKey(constructs: ConstructDocument[]): Map<string, ItemDocument> {
	return new Map(constructs.flatMap((c) => c.items).map((item) => [item.key, item]));
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
