import type { Severity, Standing } from '$lib/alignment/attention';
import { describeReason } from '$lib/analytics/reason-words';
import type { ItemDocument } from '$lib/instruments/types';
import type { NextStep } from '../pairs/pair-next-steps';
import { bySeverity, needsAttention, type ListedPair } from './pairs-table';

/** How many pairs the top of a program overview lists before pointing to the rest. */
export const ATTENTION_SHOWN = 12;

export interface AttentionPair {
	id: string;
	mentorName: string;
	protegeName: string;
	standing: Standing;
	severity: Severity;
	/** Every reason in words, the most serious first. */
	reasons: string[];
	nextStep: NextStep | null;
}

export interface AttentionPairs {
	rows: AttentionPair[];
	/** Every pair that needs attention, shown or not. */
	total: number;
}

/** The pairs at risk or to watch, most severe first, worded for the first few only. */
export function attentionPairs(
	listed: ListedPair[],
	items: ReadonlyMap<string, ItemDocument>,
	locale: string,
	limit = ATTENTION_SHOWN
): { total: number; shown: (ListedPair & { reasons: string[] })[] } {
	const needing = listed.filter(needsAttention).sort(bySeverity(locale));
	const shown = needing.slice(0, limit).map((pair) => ({
		...pair,
		reasons: pair.analysis.reasons.map(({ reason }) => describeReason(reason, items, locale))
	}));
	return { total: needing.length, shown };
}
