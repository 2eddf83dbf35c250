import type { ConstructDocument } from '$lib/instruments/types';
import { AGREE_BELOW, conversationGuide, type GuideTopic } from './conversation-guide';
import type { AnswerSet } from './pair-alignment';

/** One `pre` item a mentor and a protégé agree or differ on: `mine` is the protégé's answer. */
export type MatchTopic = GuideTopic & { weight: number };

export interface MatchExplanation {
	/** Strongest first: key questions, then heavier constructs, then the closest answers. */
	agreements: MatchTopic[];
	/** Strongest first: key questions, then the largest weighted difference. */
	differences: MatchTopic[];
}

/** Earlier in the instrument first, so that ties always read the same. */
function inOrder(constructs: ConstructDocument[]) {
	const position = new Map(
		constructs.flatMap((c) => c.items).map((item, index) => [item.key, index] as const)
	);
	return (a: MatchTopic, b: MatchTopic) => position.get(a.item.key)! - position.get(b.item.key)!;
}

const criticalFirst = (a: MatchTopic, b: MatchTopic) =>
	Number(b.item.critical) - Number(a.item.critical);

/**
 * Why a mentor and a protégé would (or would not) fit, in their own `pre` answers: the `limit`
 * strongest agreements and differences, chosen as the conversation guide compares (answers picked
 * from a list or numbers; free text and "don't know" never count).
 */
export function explainMatch(
	constructs: ConstructDocument[],
	mentor: AnswerSet,
	protege: AnswerSet,
	limit = 2
): MatchExplanation {
	const guide = conversationGuide({
		constructs,
		viewerRole: 'protege',
		mine: protege,
		partner: mentor
	});
	const weightOf = new Map(constructs.map((c) => [c.key, c.weight] as const));
	const flatten = (groups: typeof guide.agreements): MatchTopic[] =>
		groups.flatMap(({ construct, topics }) =>
			topics.map((topic) => ({ ...topic, weight: weightOf.get(construct.key) ?? 0 }))
		);
	const order = inOrder(constructs);
	const agreements = flatten(guide.agreements)
		.filter((topic) => topic.divergence < AGREE_BELOW && topic.weight > 0)
		.sort(
			(a, b) =>
				criticalFirst(a, b) || b.weight - a.weight || a.divergence - b.divergence || order(a, b)
		);
	const differences = flatten(guide.differences)
		.filter((topic) => topic.weight > 0)
		.sort(
			(a, b) =>
				criticalFirst(a, b) || b.divergence * b.weight - a.divergence * a.weight || order(a, b)
		);
	return { agreements: agreements.slice(0, limit), differences: differences.slice(0, limit) };
}
