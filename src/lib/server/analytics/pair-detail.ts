import { constructOfItem, reasonPlace } from '$lib/alignment/attention';
import type { Answer } from '$lib/alignment/item-divergence';
import { itemDivergence } from '$lib/alignment/item-divergence';
import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { PairAnalysis, ProgramEvidence, WaveAlignment } from '$lib/alignment/program-analysis';
import type { Wave } from '$lib/alignment/risk';
import { unmetExpectation } from '$lib/alignment/unmet-expectation';
import { answerWords, groupAnswerWords } from '$lib/analytics/answer-words';
import { COMPARISONS, type Comparison } from '$lib/analytics/overview-options';
import { describeReason } from '$lib/analytics/reason-words';
import { itemLabel } from '$lib/instruments/item-label';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { localized } from '$lib/labels';
import { cellLevel, itemsByKey, type CellLevel, type Thresholds } from './program-overview';

export interface ItemComparison {
	key: string;
	label: string;
	critical: boolean;
	mentor: string | null;
	protege: string | null;
	/** The pair's employer contacts (several are summarised). */
	employer: string | null;
	/** The coordinators' answers summarised: the staff baseline. */
	staff: string | null;
	/** How far apart mentor and protégé are, 0–100; null when not comparable. */
	gap: number | null;
}

export interface ConstructComparison {
	key: string;
	name: string;
	/** Mentor–protégé alignment on this construct, 0–100. */
	alignment: number | null;
	level: CellLevel | null;
	items: ItemComparison[];
}

export interface AlignmentRow {
	key: string;
	name: string;
	/** Alignment 0–100 per comparison, in COMPARISONS order. */
	values: (number | null)[];
}

export interface WaveDetail {
	wave: Wave;
	overall: (number | null)[];
	rows: AlignmentRow[];
	constructs: ConstructComparison[];
	/** Comparisons that have any data at this wave (employer ones only with an employer's answers). */
	comparisons: Comparison[];
}

export interface UnmetRow {
	key: string;
	label: string;
	people: Record<
		'mentor' | 'protege',
		{ expected: string; experienced: string; shortfall: number | null } | null
	>;
}

export interface PairDetail {
	reasons: { level: 'watch' | 'at_risk'; text: string }[];
	/** Topics holding an item that raised the pair's status, to highlight in its charts. */
	raisedTopics: string[];
	waves: WaveDetail[];
	unmet: UnmetRow[];
}

const percent = (value: number | null) => (value === null ? null : Math.round(value * 100));
const alignmentOf = (divergence: number | null | undefined) =>
	divergence === null || divergence === undefined ? null : 1 - divergence;

function words(item: ItemDocument, answer: Answer, language: string): string | null {
	return answer && answer.length ? answerWords(item, answer, language) : null;
}

function constructComparison(
	construct: ConstructDocument,
	wave: Wave,
	answers: {
		mentor: AnswerSet;
		protege: AnswerSet;
		employer: readonly AnswerSet[];
		staff: readonly AnswerSet[];
	},
	alignment: WaveAlignment,
	thresholds: Thresholds,
	language: string
): ConstructComparison {
	const value = alignmentOf(alignment.partners.byConstruct[construct.key]);
	const items = construct.items
		.filter((item) => item.wave === wave)
		.map((item) => {
			const gap = itemDivergence(item, answers.mentor[item.key], answers.protege[item.key]);
			const sharedOnly = item.type === 'text';
			return {
				key: item.key,
				label: itemLabel(item, language),
				critical: item.critical,
				mentor: words(item, answers.mentor[item.key], language),
				protege: words(item, answers.protege[item.key], language),
				employer: sharedOnly
					? null
					: groupAnswerWords(
							item,
							answers.employer.map((a) => a[item.key]),
							language
						),
				staff: sharedOnly
					? null
					: groupAnswerWords(
							item,
							answers.staff.map((a) => a[item.key]),
							language
						),
				gap: percent(gap)
			};
		});
	return {
		key: construct.key,
		name: localized(construct.name, language),
		alignment: percent(value),
		level: cellLevel(value, thresholds),
		items
	};
}

/**
 * What the pair page shows: the reasons in words, then per wave each construct's answers side by
 * side (mentor, protégé, employer contact, staff baseline) with the five alignments, and each
 * person's check-in answers against what they expected before.
 */
export function pairDetail(
	evidence: ProgramEvidence,
	analysis: PairAnalysis,
	employerId: string | null,
	language: string
): PairDetail {
	const items = itemsByKey(evidence.constructs);
	const waves: WaveDetail[] = [];
	for (const wave of ['pre', 'mid'] as const) {
		const own = evidence.waves[wave].byPair.get(analysis.pairId) ?? {};
		const employer = (employerId && evidence.waves[wave].byEmployer.get(employerId)) || [];
		const staff = evidence.waves[wave].staff;
		if (!own.mentor && !own.protege && employer.length === 0 && staff.length === 0) continue;
		const alignment = analysis.waves[wave];
		const comparisons = COMPARISONS.filter((c) => alignment[c].score !== null);
		waves.push({
			wave,
			overall: COMPARISONS.map((c) => percent(alignment[c].score)),
			rows: evidence.constructs.map((construct) => ({
				key: construct.key,
				name: localized(construct.name, language),
				values: COMPARISONS.map((c) =>
					percent(alignmentOf(alignment[c].byConstruct[construct.key]))
				)
			})),
			comparisons,
			constructs: evidence.constructs
				.map((construct) =>
					constructComparison(
						construct,
						wave,
						{ mentor: own.mentor ?? {}, protege: own.protege ?? {}, employer, staff },
						alignment,
						evidence.thresholds,
						language
					)
				)
				.filter((c) => c.items.length > 0)
		});
	}
	return {
		reasons: analysis.reasons.map(({ level, reason }) => ({
			level,
			text: describeReason(reason, items, language)
		})),
		raisedTopics: raisedTopics(evidence, analysis),
		waves,
		unmet: unmetRows(evidence, analysis.pairId, language)
	};
}

function raisedTopics(evidence: ProgramEvidence, analysis: PairAnalysis): string[] {
	const constructOf = constructOfItem(evidence.constructs);
	const topics = new Set<string>();
	for (const { reason } of analysis.reasons) {
		const place = reasonPlace(reason, constructOf, evidence.keys);
		if (place.column === 'topic') topics.add(place.constructKey);
	}
	return [...topics];
}

function unmetRows(evidence: ProgramEvidence, pairId: string, language: string): UnmetRow[] {
	const items = itemsByKey(evidence.constructs);
	const pre = evidence.waves.pre.byPair.get(pairId) ?? {};
	const mid = evidence.waves.mid.byPair.get(pairId) ?? {};
	if (!mid.mentor && !mid.protege) return [];
	const rows: UnmetRow[] = [];
	for (const item of items.values()) {
		const before = item.wave === 'mid' && item.follows ? items.get(item.follows) : undefined;
		if (!before || item.type === 'text') continue;
		const person = (role: 'mentor' | 'protege') => {
			const expected = pre[role]?.[before.key];
			const experienced = mid[role]?.[item.key];
			if (!expected?.length || !experienced?.length) return null;
			return {
				expected: answerWords(before, expected, language),
				experienced: answerWords(item, experienced, language),
				shortfall: percent(unmetExpectation(before, item, expected, experienced))
			};
		};
		const people = { mentor: person('mentor'), protege: person('protege') };
		if (people.mentor || people.protege)
			rows.push({ key: item.key, label: itemLabel(item, language), people });
	}
	const worst = (row: UnmetRow) =>
		Math.max(row.people.mentor?.shortfall ?? 0, row.people.protege?.shortfall ?? 0);
	return rows.sort((a, b) => worst(b) - worst(a));
}
