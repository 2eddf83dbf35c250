import type { ItemDocument } from '$lib/instruments/types';
import {
	AGREED_FREQUENCIES,
	AGREEMENT_ITEMS,
	FREQUENCY_DAYS,
	scaleStep,
	type AgreementTerms
} from '$lib/pairs/agreement';
import type { AnswerSet } from './pair-alignment';
import type { PulseAnswer } from './pulse';
import type { AssessedReason, PairRole } from './risk';

/** A pair's agreement once both sides confirmed it. */
export interface ConfirmedAgreement {
	terms: AgreementTerms;
	/** When the second side confirmed (ms since the epoch). */
	agreedAt: number;
}

const DAY_MS = 86_400_000;
/** A check-in asks about the last two weeks: a shorter silence is never a reason. */
const SILENCE_AT_LEAST_DAYS = 14;
/** Mid: this many steps less often than agreed puts a pair at risk (one step: watch). */
const RHYTHM_RISK_STEPS = 2;

const PEOPLE: PairRole[] = ['protege', 'mentor'];

/**
 * The silence a pair's check-ins report since the agreement: from the later of the agreement and
 * the last check-in where either said they were in touch, to the last check-in after that where
 * someone said they were not. A reason when it lasts twice the agreed rhythm (two weeks at least).
 */
function silenceReason(agreement: ConfirmedAgreement, pulses: readonly PulseAnswer[]) {
	const { frequency } = agreement.terms;
	if (!frequency) return [];
	const dated = pulses.filter((p) => p.answeredAt !== undefined && p.inTouch !== null);
	const lastContact = Math.max(
		agreement.agreedAt,
		...dated.filter((p) => p.inTouch).map((p) => p.answeredAt!)
	);
	const silent = dated.filter((p) => !p.inTouch && p.answeredAt! > lastContact);
	if (silent.length === 0) return [];
	const days = Math.round((Math.max(...silent.map((p) => p.answeredAt!)) - lastContact) / DAY_MS);
	if (days < Math.max(SILENCE_AT_LEAST_DAYS, 2 * FREQUENCY_DAYS[frequency])) return [];
	return [
		{
			level: 'watch',
			reason: { kind: 'agreement_no_contact', frequency, days }
		} satisfies AssessedReason
	];
}

/** Mid: each person's "how often do you meet" against the agreed rhythm (steps apart, 1 = more often). */
function rhythmReasons(
	agreement: ConfirmedAgreement,
	mid: Partial<Record<PairRole, AnswerSet>>,
	item: ItemDocument | undefined
): AssessedReason[] {
	const { frequency } = agreement.terms;
	if (!frequency) return [];
	const agreed = AGREED_FREQUENCIES.indexOf(frequency) + 1;
	return PEOPLE.flatMap((person) => {
		const step = scaleStep(item, mid[person]?.[AGREEMENT_ITEMS.frequencyActual]);
		if (step === null || step <= agreed) return [];
		const actual = AGREED_FREQUENCIES[step - 1]!;
		return [
			{
				level: step - agreed >= RHYTHM_RISK_STEPS ? 'at_risk' : 'watch',
				reason: { kind: 'agreement_rhythm', person, frequency, actual }
			} satisfies AssessedReason
		];
	});
}

/** Mid: who starts contact, when someone reports the other side of what was agreed. */
function starterReasons(
	agreement: ConfirmedAgreement,
	mid: Partial<Record<PairRole, AnswerSet>>,
	item: ItemDocument | undefined
): AssessedReason[] {
	const { starter } = agreement.terms;
	if (!starter) return [];
	const against = (step: number) =>
		starter === 'mentor' ? step >= 4 : starter === 'protege' ? step <= 2 : step === 1 || step === 5;
	return PEOPLE.flatMap((person) => {
		const answer = mid[person]?.[AGREEMENT_ITEMS.starterActual];
		const step = scaleStep(item, answer);
		if (step === null || !against(step)) return [];
		const reason = {
			kind: 'agreement_starter',
			person,
			starter,
			itemKey: AGREEMENT_ITEMS.starterActual,
			actual: answer![0]!
		} as const;
		return [{ level: 'watch', reason } satisfies AssessedReason];
	});
}

/** Mid: an agreed focus goal that someone says they have not worked on at all. */
function goalReasons(
	agreement: ConfirmedAgreement,
	mid: Partial<Record<PairRole, AnswerSet>>,
	followUps: readonly ItemDocument[]
): AssessedReason[] {
	return agreement.terms.goals.flatMap((goal) => {
		if (!('item' in goal)) return [];
		const coverage = followUps.find((item) => item.follows === goal.item);
		if (!coverage) return [];
		return PEOPLE.flatMap((person) =>
			scaleStep(coverage, mid[person]?.[coverage.key]) === 1
				? [
						{
							level: 'watch',
							reason: { kind: 'agreement_goal_untouched', person, itemKey: goal.item }
						} satisfies AssessedReason
					]
				: []
		);
	});
}

/**
 * What happened against what the pair agreed, as reasons in the risk assessment's list: a
 * silence reported at check-ins of twice the agreed rhythm; at `mid`, meeting less often than
 * agreed (two steps or more: at risk), the other side starting contact, and an agreed goal not
 * worked on at all.
 */
export function agreementReasons(
	agreement: ConfirmedAgreement,
	pulses: readonly PulseAnswer[],
	mid: Partial<Record<PairRole, AnswerSet>>,
	items: { byKey: ReadonlyMap<string, ItemDocument>; followUps: readonly ItemDocument[] }
): AssessedReason[] {
	return [
		...silenceReason(agreement, pulses),
		...rhythmReasons(agreement, mid, items.byKey.get(AGREEMENT_ITEMS.frequencyActual)),
		...starterReasons(agreement, mid, items.byKey.get(AGREEMENT_ITEMS.starterActual)),
		...goalReasons(agreement, mid, items.followUps)
	];
}
