import type { ConstructDocument, ItemDocument, LocalizedText } from '$lib/instruments/types';
import { isMissing, itemDivergence, type Answer } from './item-divergence';
import type { AnswerSet } from './pair-alignment';

/** The two people a guide is for. Employer and staff answers have no place in it. */
export type PairRole = 'mentor' | 'protege';

/** Below this divergence two answers say the same thing (e.g. 6 and 7 hours a month). */
export const AGREE_BELOW = 0.2;
/** From this divergence on, a difference is a big one (e.g. two steps apart on 5 points). */
export const LARGE_FROM = 0.5;

export interface GuideTopic {
	item: ItemDocument;
	divergence: number;
	/** Option values in option order, or the number typed; "don't know" left out. */
	mine: string[];
	partner: string[];
}

export interface TopicGroup {
	construct: { key: string; name: LocalizedText };
	topics: GuideTopic[];
}

export interface ConversationGuide {
	partnerRole: PairRole;
	/** Biggest difference first, within and across constructs. */
	differences: TopicGroup[];
	/** In the instrument's order. */
	agreements: TopicGroup[];
}

export interface GuideInput {
	constructs: ConstructDocument[];
	viewerRole: PairRole;
	mine: AnswerSet;
	partner: AnswerSet;
}

/** What a person chose, limited to the item's own answers: a stale or unknown value is no answer. */
function chosenValues(item: ItemDocument, answer: Answer): string[] {
	if (isMissing(item, answer)) return [];
	if (item.type === 'number') return [answer![0]!];
	const known = (item.options ?? []).filter((o) => !o.missing).map((o) => o.value);
	const chosen = known.filter((value) => answer!.includes(value));
	return item.type === 'multi' ? chosen : chosen.slice(0, 1);
}

function compareItem(item: ItemDocument, mine: Answer, partner: Answer): GuideTopic | null {
	if (item.wave !== 'pre' || item.type === 'text') return null;
	const topic = { item, mine: chosenValues(item, mine), partner: chosenValues(item, partner) };
	const divergence = itemDivergence(item, topic.mine, topic.partner);
	return divergence === null ? null : { ...topic, divergence };
}

const biggest = (topics: GuideTopic[]) => Math.max(...topics.map((t) => t.divergence));

/**
 * Where a mentor and a protégé agree and differ in their `pre` answers, construct by construct,
 * for them to talk about at their first meeting. Only answers picked from a list or a number are
 * compared; free text and "don't know" never appear.
 */
export function conversationGuide(input: GuideInput): ConversationGuide {
	const differences: TopicGroup[] = [];
	const agreements: TopicGroup[] = [];
	for (const { key, name, items } of input.constructs) {
		const topics = items
			.map((item) => compareItem(item, input.mine[item.key], input.partner[item.key]))
			.filter((topic): topic is GuideTopic => topic !== null);
		const differing = topics
			.filter((t) => t.divergence >= AGREE_BELOW)
			.sort((a, b) => b.divergence - a.divergence);
		const agreeing = topics.filter((t) => t.divergence < AGREE_BELOW);
		const construct = { key, name };
		if (differing.length > 0) differences.push({ construct, topics: differing });
		if (agreeing.length > 0) agreements.push({ construct, topics: agreeing });
	}
	differences.sort((a, b) => biggest(b.topics) - biggest(a.topics));
	return {
		partnerRole: input.viewerRole === 'mentor' ? 'protege' : 'mentor',
		differences,
		agreements
	};
}
