import { amountOf, type Answer } from '$lib/alignment/item-divergence';
import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { ConstructDocument, ItemDocument, Role, Wave } from '$lib/instruments/types';
import { completeRows, cronbachAlpha, itemRestCorrelations } from './reliability';

/** One sent survey: who answered (their role), at which wave, and what. */
export interface SentResponse {
	role: Role;
	wave: Wave;
	answers: AnswerSet;
}

/** Below this many responses (complete ones, for α and correlations) a figure is not judged. */
export const JUDGED_FROM = 10;
/** α under this: the construct's items hardly measure one thing for this role. */
export const LOW_ALPHA = 0.6;
/** An item whose correlation with the rest of its construct is under this does not go with it. */
export const LOW_ITEM_REST = 0.2;
/** A share of missing or "don't know" answers from which an item is flagged. */
export const OFTEN_UNANSWERED = 0.2;

export type ItemFlag = 'low_item_rest' | 'often_missing' | 'often_dont_know';

export interface ItemStatistics {
	key: string;
	/** People of this role asked the item at this wave. */
	asked: number;
	/** Shares of those asked: no answer at all; "don't know" / "prefer not to say". */
	missing: number;
	dontKnow: number;
	/** Scale items only, among complete responses. */
	itemRest: number | null;
	flags: ItemFlag[];
}

export interface ConstructStatistics {
	construct: string;
	wave: Wave;
	role: Role;
	responses: number;
	/** Responses with every scale item answered: what α is computed from. */
	complete: number;
	/** Null with fewer than two scale items, or nothing to compute it from. */
	alpha: number | null;
	lowAlpha: boolean;
	items: ItemStatistics[];
}

function answerKind(item: ItemDocument, answer: Answer): 'missing' | 'dont_know' | 'answered' {
	if (!answer || answer.length === 0 || answer.every((value) => value === '')) return 'missing';
	const missingValues = new Set((item.options ?? []).filter((o) => o.missing).map((o) => o.value));
	return answer.some((value) => missingValues.has(value)) ? 'dont_know' : 'answered';
}

function itemStatistics(
	item: ItemDocument,
	answers: readonly AnswerSet[],
	itemRest: number | null,
	complete: number
): ItemStatistics {
	const kinds = answers.map((set) => answerKind(item, set[item.key]));
	const asked = answers.length;
	const share = (kind: string) => (asked ? kinds.filter((k) => k === kind).length / asked : 0);
	const missing = share('missing');
	const dontKnow = share('dont_know');
	const flags: ItemFlag[] = [];
	if (complete >= JUDGED_FROM && itemRest !== null && itemRest < LOW_ITEM_REST)
		flags.push('low_item_rest');
	if (asked >= JUDGED_FROM && missing >= OFTEN_UNANSWERED) flags.push('often_missing');
	if (asked >= JUDGED_FROM && dontKnow >= OFTEN_UNANSWERED) flags.push('often_dont_know');
	return { key: item.key, asked, missing, dontKnow, itemRest, flags };
}

/**
 * How each construct's items behave, per wave and per role that answers them: Cronbach's α over
 * its scale items (scored in their declared direction, complete responses only), each scale
 * item's correlation with the rest, and each item's share of missing and "don't know" answers.
 * Free-text items are left out.
 */
export function instrumentStatistics(
	constructs: readonly ConstructDocument[],
	responses: readonly SentResponse[]
): ConstructStatistics[] {
	const result: ConstructStatistics[] = [];
	for (const construct of constructs)
		for (const wave of ['pre', 'mid', 'post'] as const)
			for (const role of ['protege', 'mentor', 'employer', 'staff'] as const) {
				const items = construct.items.filter(
					(item) => item.wave === wave && item.type !== 'text' && item.wording[role]
				);
				const answers = responses
					.filter((r) => r.wave === wave && r.role === role)
					.map((r) => r.answers);
				if (items.length === 0 || answers.length === 0) continue;
				const scales = items.filter((item) => item.type === 'scale');
				const rows = completeRows(
					answers.map((set) => scales.map((item) => amountOf(item, set[item.key])))
				);
				const correlations = scales.length >= 2 ? itemRestCorrelations(rows) : [];
				const alpha = scales.length >= 2 ? cronbachAlpha(rows) : null;
				result.push({
					construct: construct.key,
					wave,
					role,
					responses: answers.length,
					complete: rows.length,
					alpha,
					lowAlpha: alpha !== null && rows.length >= JUDGED_FROM && alpha < LOW_ALPHA,
					items: items.map((item) => {
						const at = scales.indexOf(item);
						return itemStatistics(
							item,
							answers,
							at >= 0 ? (correlations[at] ?? null) : null,
							rows.length
						);
					})
				});
			}
	return result;
}

/** Each item's flags over every wave and role, for the instrument outline. */
export function flaggedItems(
	statistics: readonly ConstructStatistics[]
): Map<string, Set<ItemFlag>> {
	const flagged = new Map<string, Set<ItemFlag>>();
	for (const group of statistics)
		for (const item of group.items)
			for (const flag of item.flags) {
				const flags = flagged.get(item.key) ?? new Set<ItemFlag>();
				flags.add(flag);
				flagged.set(item.key, flags);
			}
	return flagged;
}
