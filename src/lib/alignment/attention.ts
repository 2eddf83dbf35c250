import type { ConstructDocument } from '$lib/instruments/types';
import type { AssessedReason, PairEvidence, RiskLevel, RiskReason } from './risk';

/**
 * Where a pair stands for a coordinator: its risk, or `waiting` while mentor and protégé have not
 * both answered a survey and nothing is flagged yet. `ok` is earned by answers, never assumed.
 */
export type Standing = RiskLevel | 'waiting';

export const STANDINGS: readonly Standing[] = ['at_risk', 'watch', 'waiting', 'ok'];

export function standingOf(pair: { status: RiskLevel; latest: string | null }): Standing {
	return pair.status === 'ok' && pair.latest === null ? 'waiting' : pair.status;
}

/** How many serious (at risk) and milder (watch) signals a pair raised: the severity shown. */
export interface Severity {
	serious: number;
	watch: number;
}

export function severityOf(reasons: readonly AssessedReason[]): Severity {
	const serious = reasons.filter((r) => r.level === 'at_risk').length;
	return { serious, watch: reasons.length - serious };
}

const STANDING_RANK: Record<Standing, number> = { at_risk: 0, watch: 1, waiting: 2, ok: 3 };

/**
 * Most severe first: standing, then more serious signals, then more signals to watch. Everything
 * it compares is on the page, so a reader sees why one pair is above another.
 */
export function compareSeverity(
	a: { standing: Standing; severity: Severity },
	b: { standing: Standing; severity: Severity }
): number {
	return (
		STANDING_RANK[a.standing] - STANDING_RANK[b.standing] ||
		b.severity.serious - a.severity.serious ||
		b.severity.watch - a.severity.watch
	);
}

/** The place in a pair's row of numbers that carries a reason. */
export type ReasonPlace =
	| { column: 'topic'; constructKey: string; itemKey: string }
	| { column: 'overall' }
	| { column: 'answers' };

/** Which construct holds each item, for placing reasons in a row of topic numbers. */
export function constructOfItem(constructs: readonly ConstructDocument[]): Map<string, string> {
	return new Map(constructs.flatMap((c) => c.items.map((item) => [item.key, c.key] as const)));
}

/**
 * The cell a reason belongs to: the topic of the item that raised it (a key question, a
 * commitment rating, an unmet expectation, a request to be contacted), the overall number for low
 * alignment, or the answers themselves for a survey not sent in time.
 */
export function reasonPlace(
	reason: RiskReason,
	constructOf: ReadonlyMap<string, string>,
	keys: Pick<PairEvidence['keys'], 'contactRequest'>
): ReasonPlace {
	if (reason.kind === 'low_alignment') return { column: 'overall' };
	if (!('itemKey' in reason) && reason.kind !== 'contact_request') return { column: 'answers' };
	const itemKey = reason.kind === 'contact_request' ? keys.contactRequest : reason.itemKey;
	const constructKey = constructOf.get(itemKey);
	return constructKey ? { column: 'topic', constructKey, itemKey } : { column: 'answers' };
}
