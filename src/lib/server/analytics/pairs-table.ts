import {
	compareSeverity,
	constructOfItem,
	reasonPlace,
	severityOf,
	standingOf,
	STANDINGS,
	type Severity,
	type Standing
} from '$lib/alignment/attention';
import type { PairRisk, ProgramAnalysis } from '$lib/alignment/program-analysis';
import type { AssessedReason, PairEvidence } from '$lib/alignment/risk';
import type { StatusFilter } from '$lib/analytics/overview-options';
import { reasonMark, type ReasonMark } from '$lib/analytics/reason-marks';
import { describeReason } from '$lib/analytics/reason-words';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import type { PairNames } from '../pairs/pairs';
import { FINAL_PAIR_STATUSES } from '../pairs/pairs';
import {
	cellLevel,
	itemsByKey,
	percent,
	type CellLevel,
	type OverviewQuery,
	type Thresholds
} from './program-overview';
import { collator } from '$lib/intl';
import { foldForSearch } from '$lib/text/search-fold';

/**
 * Pairs shown per page of the overview's table: about two screens on a laptop; each row carries
 * its topics' marks, and a slow phone lays out fifty of them in a blocking quarter second.
 */
export const PAIRS_PER_PAGE = 25;

export interface HeatCell {
	/** Alignment 0–100 of mentor and protégé on this topic (or overall); null when not comparable. */
	value: number | null;
	/** How the cell looks: its number's level, or worse where a reason placed here raised the pair. */
	level: CellLevel | null;
	/** The most severe of what raised the pair's status in this cell, if anything. */
	mark: ReasonMark | null;
	/** How many more reasons raised it here (the pair page lists them all). */
	more: number;
}

export interface PairRow {
	id: string;
	mentorName: string;
	protegeName: string;
	pairStatus: PairNames['status'];
	/** Null for pairs that ended: they no longer need attention. */
	standing: Standing | null;
	severity: Severity;
	overall: HeatCell;
	cells: HeatCell[];
	/** Reasons with no number of their own (a survey not sent in time, a check-in), in words. */
	notes: { level: AssessedReason['level']; text: string }[];
}

/** The pairs of a program that can be listed: each with its analysis, names and standing. */
export interface ListedPair {
	analysis: PairRisk;
	pair: PairNames;
	/** Null for pairs that ended. */
	standing: Standing | null;
	severity: Severity;
}

export function listedPairs(analysis: ProgramAnalysis, pairs: PairNames[]): ListedPair[] {
	const pairById = new Map(pairs.map((p) => [p.id, p]));
	return analysis.pairs.flatMap((pairAnalysis) => {
		const pair = pairById.get(pairAnalysis.pairId);
		if (!pair) return [];
		const ended = FINAL_PAIR_STATUSES.includes(pair.status);
		return [
			{
				analysis: pairAnalysis,
				pair,
				standing: ended ? null : standingOf(pairAnalysis),
				severity: severityOf(pairAnalysis.reasons)
			}
		];
	});
}

export function countByStanding(listed: ListedPair[]): Record<Standing, number> {
	const counts = Object.fromEntries(STANDINGS.map((s) => [s, 0])) as Record<Standing, number>;
	for (const { standing } of listed) if (standing) counts[standing] += 1;
	return counts;
}

const NEEDS_YOU: readonly (Standing | null)[] = ['at_risk', 'watch'];

export function needsAttention(pair: ListedPair): boolean {
	return NEEDS_YOU.includes(pair.standing);
}

function matchesFilter(pair: ListedPair, status: StatusFilter): boolean {
	if (status === 'all') return true;
	if (status === 'attention') return needsAttention(pair);
	return pair.standing === status;
}

/** Pairs where the mentor's or the protégé's name contains the search, accents and case aside. */
function nameSearch(q: string, locale: string): (pair: ListedPair) => boolean {
	const needle = foldForSearch(q, locale);
	if (!needle) return () => true;
	const has = (name: string) => foldForSearch(name, locale).includes(needle);
	return ({ pair }) => has(pair.mentorName) || has(pair.protegeName);
}

const rank = (p: ListedPair) => ({ standing: p.standing ?? 'ok', severity: p.severity });
const ended = (p: ListedPair) => (p.standing ? 0 : 1);

/** Pairs that ended last, then most severe first: the order by risk short of names. */
function bySeverityAlone(a: ListedPair, b: ListedPair): number {
	return ended(a) - ended(b) || compareSeverity(rank(a), rank(b));
}

/** Most severe first; pairs that ended last; equal severity by name, so the order can be read. */
export function bySeverity(locale: string) {
	const { compare } = collator(locale);
	return (a: ListedPair, b: ListedPair) =>
		bySeverityAlone(a, b) ||
		compare(a.pair.protegeName, b.pair.protegeName) ||
		compare(a.pair.mentorName, b.pair.mentorName);
}

/**
 * The pairs from `start` to `end` in the order by risk, names and all: sorted by severity, then
 * by name only within the runs of equal severity that the page reaches. Thousands of pairs share
 * a severity, and comparing names in the reader's language is what a full sort spends its time on.
 */
function pageBySeverity(
	pairs: ListedPair[],
	locale: string,
	start: number,
	end: number
): ListedPair[] {
	const sorted = pairs.sort(bySeverityAlone);
	let from = Math.min(start, sorted.length);
	let to = Math.min(end, sorted.length);
	if (from >= to) return [];
	while (from > 0 && bySeverityAlone(sorted[from - 1]!, sorted[from]!) === 0) from -= 1;
	while (to < sorted.length && bySeverityAlone(sorted[to - 1]!, sorted[to]!) === 0) to += 1;
	const reached = sorted.slice(from, to).sort(bySeverity(locale));
	return reached.slice(start - from, end - from);
}

function compareBy(sort: string, locale: string) {
	const severity = bySeverity(locale);
	if (sort === 'risk') return severity;
	if (sort === 'name') {
		const names = (c: ListedPair) => `${c.pair.protegeName} ${c.pair.mentorName}`;
		const { compare } = collator(locale);
		return (a: ListedPair, b: ListedPair) => compare(names(a), names(b));
	}
	const valueOf = ({ analysis }: ListedPair) => {
		const divergence = analysis.latest
			? analysis.partners[analysis.latest].byConstruct[sort]
			: null;
		return divergence === null || divergence === undefined ? 101 : percent(1 - divergence)!;
	};
	return (a: ListedPair, b: ListedPair) => valueOf(a) - valueOf(b) || severity(a, b);
}

const MARK_LEVEL: Record<ReasonMark['level'], CellLevel> = { at_risk: 'apart', watch: 'watch' };
const LEVEL_RANK: Record<CellLevel, number> = { apart: 0, watch: 1, close: 2 };

function heatCell(
	divergence: number | null | undefined,
	marks: ReasonMark[],
	thresholds: Thresholds
): HeatCell {
	const alignment = divergence === null || divergence === undefined ? null : 1 - divergence;
	let level = cellLevel(alignment, thresholds);
	for (const mark of marks) {
		const raised = MARK_LEVEL[mark.level];
		if (level === null || LEVEL_RANK[raised] < LEVEL_RANK[level]) level = raised;
	}
	const mark = marks.find((m) => m.level === 'at_risk') ?? marks[0] ?? null;
	return { value: percent(alignment), level, mark, more: Math.max(0, marks.length - 1) };
}

interface RowContext {
	constructs: ConstructDocument[];
	items: ReadonlyMap<string, ItemDocument>;
	constructOf: ReadonlyMap<string, string>;
	thresholds: Thresholds;
	keys: PairEvidence['keys'];
	locale: string;
}

function pairRow({ analysis, pair, standing, severity }: ListedPair, context: RowContext): PairRow {
	const wave = analysis.latest;
	const alignment = wave ? analysis.partners[wave] : null;
	const marks = new Map<string, ReasonMark[]>();
	const notes: PairRow['notes'] = [];
	if (standing) {
		for (const assessed of analysis.reasons) {
			const place = reasonPlace(assessed.reason, context.constructOf, context.keys);
			if (place.column === 'answers') {
				const text = describeReason(assessed.reason, context.items, context.locale);
				notes.push({ level: assessed.level, text });
				continue;
			}
			const key = place.column === 'overall' ? 'overall' : place.constructKey;
			const mark = reasonMark(assessed, context.items, context.locale, context.keys.contactRequest);
			marks.set(key, [...(marks.get(key) ?? []), mark]);
		}
	}
	return {
		id: pair.id,
		mentorName: pair.mentorName,
		protegeName: pair.protegeName,
		pairStatus: pair.status,
		standing,
		severity,
		overall: heatCell(
			alignment?.score === null || !alignment ? null : 1 - alignment.score,
			marks.get('overall') ?? [],
			context.thresholds
		),
		cells: context.constructs.map(({ key }) =>
			heatCell(alignment?.byConstruct[key], marks.get(key) ?? [], context.thresholds)
		),
		notes
	};
}

export interface PairsPage {
	rows: PairRow[];
	total: number;
	pages: number;
	page: number;
}

/**
 * The table of all pairs of a program overview: one row per pair in the order asked for (most
 * severe first by default), filtered by standing and name, one page at a time. Rows, cells and marks are
 * made only for the rows shown: a program may have thousands of pairs.
 */
export function pairsTable(
	listed: ListedPair[],
	evidence: { constructs: ConstructDocument[]; thresholds: Thresholds; keys: PairEvidence['keys'] },
	query: OverviewQuery,
	locale: string
): PairsPage {
	const named = nameSearch(query.q, locale);
	const shown = listed.filter((pair) => matchesFilter(pair, query.status) && named(pair));
	const pages = Math.max(1, Math.ceil(shown.length / PAIRS_PER_PAGE));
	const page = Math.min(query.page, pages);
	const [start, end] = [(page - 1) * PAIRS_PER_PAGE, page * PAIRS_PER_PAGE];
	const onPage =
		query.sort === 'risk'
			? pageBySeverity(shown, locale, start, end)
			: shown.sort(compareBy(query.sort, locale)).slice(start, end);
	const context: RowContext = {
		...evidence,
		items: itemsByKey(evidence.constructs),
		constructOf: constructOfItem(evidence.constructs),
		locale
	};
	const rows = onPage.map((pair) => pairRow(pair, context));
	return { rows, total: shown.length, pages, page };
}
