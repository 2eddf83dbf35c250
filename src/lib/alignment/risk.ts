import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { amountOf, itemDivergence } from './item-divergence';
import { agreementReasons, type ConfirmedAgreement } from './agreement';
import { pairAlignment, type Alignment, type AnswerSet } from './pair-alignment';
import { pulseReasons, type PulseAnswer } from './pulse';
import { unmetExpectation } from './unmet-expectation';
import type { AgreedFrequency, Starter } from '$lib/pairs/agreement';

export type RiskLevel = 'ok' | 'watch' | 'at_risk';
export type PairRole = 'mentor' | 'protege';
export type Wave = 'pre' | 'mid';

/** Why a pair needs attention, as data; words come from `describeReason` in the reader's language. */
export type RiskReason =
	| { kind: 'critical_mismatch'; wave: Wave; itemKey: string; mentor: string; protege: string }
	| { kind: 'low_alignment'; wave: Wave; score: number; below: 'watch' | 'risk'; threshold: number }
	| { kind: 'low_commitment'; rater: PairRole; itemKey: string; value: string }
	| {
			kind: 'unmet_expectation';
			person: PairRole;
			itemKey: string;
			expected: string;
			experienced: string;
			shortfall: number;
	  }
	| { kind: 'perception_gap'; itemKey: string; mentor: string; protege: string }
	| { kind: 'contact_request'; person: PairRole }
	| { kind: 'pulse_going_badly'; person: PairRole; rating: number }
	| { kind: 'pulse_contact_request'; person: PairRole }
	| { kind: 'pulse_no_contact'; person: PairRole; times: number }
	| { kind: 'agreement_no_contact'; frequency: AgreedFrequency; days: number }
	| {
			kind: 'agreement_rhythm';
			person: PairRole;
			frequency: AgreedFrequency;
			actual: AgreedFrequency;
	  }
	| {
			kind: 'agreement_starter';
			person: PairRole;
			starter: Starter;
			itemKey: string;
			actual: string;
	  }
	| { kind: 'agreement_goal_untouched'; person: PairRole; itemKey: string }
	| { kind: 'overdue'; person: PairRole; wave: Wave };

export interface AssessedReason {
	level: Exclude<RiskLevel, 'ok'>;
	reason: RiskReason;
}

export interface PairEvidence {
	constructs: ConstructDocument[];
	thresholds: { watch: number; risk: number };
	answers: Record<Wave, Partial<Record<PairRole, AnswerSet>>>;
	/** Surveys still unsent after their round closed or a set number of days after opening. */
	overdue: { person: PairRole; wave: Wave }[];
	/** The pair's answered pulse check-ins (pulse.ts), if any. */
	pulses?: readonly PulseAnswer[];
	/** What the pair agreed on, once both confirmed (agreement.ts). */
	agreement?: ConfirmedAgreement;
	/** Items with a meaning of their own in the rules. */
	keys: {
		partnerCommitment: string;
		contactRequest: string;
		contactYes: string;
		/** Constructs where each person speaks of themselves, so two answers may rightly differ. */
		ownViewConstructs: readonly string[];
	};
}

/** The keys of the default instrument. */
export const DEFAULT_RISK_KEYS = {
	partnerCommitment: 'commitment_partner',
	contactRequest: 'check_in_contact_request',
	contactYes: 'yes',
	ownViewConstructs: ['commitment', 'check_in']
} as const;

const CRITICAL_GAP = 0.5;
const PERCEPTION_GAP = 0.5;
const UNMET_WATCH = 0.5;
const UNMET_RISK = 0.75;

const PEOPLE: PairRole[] = ['protege', 'mentor'];

interface RuleItems {
	byKey: ReadonlyMap<string, ItemDocument>;
	critical: Record<Wave, ItemDocument[]>;
	/** Check-in items that follow a `pre` item. */
	followUps: ItemDocument[];
	/** Facts both people report, by construct keys that are not each person's own view. */
	perception: (ownViewConstructs: readonly string[]) => ItemDocument[];
}

// A program assesses every pair against the same instrument: sort its items for the rules once.
const ruleItems = new WeakMap<ConstructDocument[], RuleItems>();

function ruleItemsOf(constructs: ConstructDocument[]): RuleItems {
	let prepared = ruleItems.get(constructs);
	if (!prepared) {
		const items = constructs.flatMap((c) => c.items);
		const perception = new Map<string, ItemDocument[]>();
		prepared = {
			byKey: new Map(items.map((item) => [item.key, item])),
			critical: {
				pre: items.filter((i) => i.critical && i.wave === 'pre'),
				mid: items.filter((i) => i.critical && i.wave === 'mid')
			},
			followUps: items.filter((i) => i.wave !== 'pre' && i.follows),
			perception(ownViewConstructs) {
				const key = ownViewConstructs.join('\n');
				if (!perception.has(key)) {
					const shared = constructs.filter((c) => !ownViewConstructs.includes(c.key));
					perception.set(key, perceptionItems(shared.flatMap((c) => c.items)));
				}
				return perception.get(key)!;
			}
		};
		ruleItems.set(constructs, prepared);
	}
	return prepared;
}

/**
 * The risk status of one pair with every reason behind it. Any single signal can raise it:
 * `at risk` for a critical mismatch, alignment under the risk threshold, very low commitment or a
 * large unmet expectation; `watch` for the milder forms, a perception gap, a request to be
 * contacted, or silence. Missing answers are never read as disagreement.
 */
export function assessPair(
	evidence: PairEvidence,
	/** The pair's alignment per wave when the caller has already worked it out. */
	partners: Partial<Record<Wave, Alignment>> = {}
): {
	status: RiskLevel;
	reasons: AssessedReason[];
} {
	const reasons: AssessedReason[] = [];
	const add = (level: AssessedReason['level'], reason: RiskReason) =>
		reasons.push({ level, reason });
	const { byKey, critical, followUps, perception } = ruleItemsOf(evidence.constructs);

	for (const wave of ['pre', 'mid'] as const) {
		const mentor = evidence.answers[wave].mentor;
		const protege = evidence.answers[wave].protege;
		if (!mentor || !protege) continue;
		for (const item of critical[wave]) {
			const divergence = itemDivergence(item, mentor[item.key], protege[item.key]);
			if (divergence !== null && divergence >= CRITICAL_GAP) {
				add('at_risk', {
					kind: 'critical_mismatch',
					wave,
					itemKey: item.key,
					mentor: mentor[item.key]![0]!,
					protege: protege[item.key]![0]!
				});
			}
		}
		const { score } = partners[wave] ?? pairAlignment(evidence.constructs, wave, mentor, protege);
		const { risk, watch } = evidence.thresholds;
		if (score !== null && score < risk)
			add('at_risk', { kind: 'low_alignment', wave, score, below: 'risk', threshold: risk });
		else if (score !== null && score < watch)
			add('watch', { kind: 'low_alignment', wave, score, below: 'watch', threshold: watch });
	}

	const mid = evidence.answers.mid;
	for (const person of PEOPLE) {
		const answers = mid[person];
		if (!answers) continue;
		const commitment = byKey.get(evidence.keys.partnerCommitment);
		const amount = commitment ? amountOf(commitment, answers[commitment.key]) : null;
		if (commitment && amount !== null && amount <= 0.5) {
			add(amount <= 0.25 ? 'at_risk' : 'watch', {
				kind: 'low_commitment',
				rater: person,
				itemKey: commitment.key,
				value: answers[commitment.key]![0]!
			});
		}
		const request = answers[evidence.keys.contactRequest];
		if (request?.includes(evidence.keys.contactYes))
			add('watch', { kind: 'contact_request', person });
		for (const item of followUps) {
			const pre = byKey.get(item.follows!);
			const expected = evidence.answers.pre[person]?.[item.follows!];
			const shortfall = pre ? unmetExpectation(pre, item, expected, answers[item.key]) : null;
			if (shortfall !== null && shortfall >= UNMET_WATCH) {
				add(shortfall >= UNMET_RISK ? 'at_risk' : 'watch', {
					kind: 'unmet_expectation',
					person,
					itemKey: item.key,
					expected: expected![0]!,
					experienced: answers[item.key]![0]!,
					shortfall
				});
			}
		}
	}

	if (mid.mentor && mid.protege) {
		for (const item of perception(evidence.keys.ownViewConstructs)) {
			const divergence = itemDivergence(item, mid.mentor[item.key], mid.protege[item.key]);
			if (divergence !== null && divergence >= PERCEPTION_GAP) {
				add('watch', {
					kind: 'perception_gap',
					itemKey: item.key,
					mentor: mid.mentor[item.key]![0]!,
					protege: mid.protege[item.key]![0]!
				});
			}
		}
	}

	for (const silent of evidence.overdue) add('watch', { kind: 'overdue', ...silent });
	reasons.push(...pulseReasons(evidence.pulses ?? []));
	if (evidence.agreement)
		reasons.push(
			...agreementReasons(evidence.agreement, evidence.pulses ?? [], evidence.answers.mid, {
				byKey,
				followUps
			})
		);

	const order = { at_risk: 0, watch: 1 };
	reasons.sort((a, b) => order[a.level] - order[b.level]);
	const status: RiskLevel = reasons.some((r) => r.level === 'at_risk')
		? 'at_risk'
		: reasons.length > 0
			? 'watch'
			: 'ok';
	return { status, reasons };
}

/** Facts both people report at a check-in (how often they met, who started contact): follow-up items. */
function perceptionItems(items: ItemDocument[]): ItemDocument[] {
	return items.filter(
		(item) =>
			item.wave === 'mid' &&
			item.follows &&
			(item.type === 'scale' || item.type === 'choice' || item.type === 'number')
	);
}
