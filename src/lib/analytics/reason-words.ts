import type { RiskReason } from '$lib/alignment/risk';
import { itemLabel } from '$lib/instruments/item-label';
import type { ItemDocument } from '$lib/instruments/types';
import { m } from '$lib/paraglide/messages';
import { answerWords } from './answer-words';
import { toLocale } from './locale';

/** A risk reason in words a coordinator understands, in their language. */
export function describeReason(
	reason: RiskReason,
	items: ReadonlyMap<string, ItemDocument>,
	language: string
): string {
	const options = { locale: toLocale(language) };
	const item = 'itemKey' in reason ? items.get(reason.itemKey) : undefined;
	const label = item ? itemLabel(item, language) : 'itemKey' in reason ? reason.itemKey : '';
	const words = (value: string) => (item ? answerWords(item, [value], language) : value);
	switch (reason.kind) {
		case 'critical_mismatch':
			return m.reason_critical_mismatch(
				{ label, protege: words(reason.protege), mentor: words(reason.mentor) },
				options
			);
		case 'low_alignment': {
			const values = {
				score: Math.round(reason.score * 100),
				threshold: Math.round(reason.threshold * 100)
			};
			return reason.wave === 'pre'
				? m.reason_low_alignment_pre(values, options)
				: m.reason_low_alignment_mid(values, options);
		}
		case 'low_commitment':
			return reason.rater === 'protege'
				? m.reason_low_commitment_protege({ value: words(reason.value) }, options)
				: m.reason_low_commitment_mentor({ value: words(reason.value) }, options);
		case 'unmet_expectation': {
			const pre = item?.follows ? items.get(item.follows) : undefined;
			const values = {
				label,
				expected: pre ? answerWords(pre, [reason.expected], language) : reason.expected,
				experienced: words(reason.experienced)
			};
			return reason.person === 'protege'
				? m.reason_unmet_protege(values, options)
				: m.reason_unmet_mentor(values, options);
		}
		case 'perception_gap':
			return m.reason_perception_gap(
				{ label, mentor: words(reason.mentor), protege: words(reason.protege) },
				options
			);
		case 'contact_request':
			return reason.person === 'protege'
				? m.reason_contact_request_protege({}, options)
				: m.reason_contact_request_mentor({}, options);
		case 'overdue':
			return OVERDUE[reason.person][reason.wave]({}, options);
		case 'pulse_going_badly':
			return reason.person === 'protege'
				? m.reason_pulse_going_badly_protege({ rating: reason.rating }, options)
				: m.reason_pulse_going_badly_mentor({ rating: reason.rating }, options);
		case 'pulse_contact_request':
			return reason.person === 'protege'
				? m.reason_pulse_contact_protege({}, options)
				: m.reason_pulse_contact_mentor({}, options);
		case 'pulse_no_contact':
			return reason.person === 'protege'
				? m.reason_pulse_no_contact_protege({ times: reason.times }, options)
				: m.reason_pulse_no_contact_mentor({ times: reason.times }, options);
		case 'agreement_no_contact':
			return m.reason_agreement_no_contact(
				{ frequency: AGREED_FREQUENCY[reason.frequency](options), weeks: weeksOf(reason.days) },
				options
			);
		case 'agreement_rhythm': {
			const rhythm =
				reason.person === 'protege'
					? m.reason_agreement_rhythm_protege
					: m.reason_agreement_rhythm_mentor;
			const values = {
				frequency: AGREED_FREQUENCY[reason.frequency](options),
				actual: AGREED_FREQUENCY[reason.actual](options)
			};
			return rhythm(values, options);
		}
		case 'agreement_starter': {
			const starter =
				reason.person === 'protege'
					? m.reason_agreement_starter_protege
					: m.reason_agreement_starter_mentor;
			return starter(
				{ starter: AGREED_STARTER[reason.starter](options), actual: words(reason.actual) },
				options
			);
		}
		case 'agreement_goal_untouched': {
			const goal =
				reason.person === 'protege'
					? m.reason_agreement_goal_protege
					: m.reason_agreement_goal_mentor;
			return goal({ label }, options);
		}
	}
}

/** A silence in whole weeks, as reasons and marks give it. */
export const weeksOf = (days: number) => Math.round(days / 7);

/** The agreed rhythm mid-sentence ("every two weeks"), in a coordinator's language. */
export const AGREED_FREQUENCY = {
	twice_weekly: m.agreed_twice_weekly,
	weekly: m.agreed_weekly,
	every_two_weeks: m.agreed_every_two_weeks,
	monthly: m.agreed_monthly,
	less_than_monthly: m.agreed_less_than_monthly
} as const;

export const AGREED_STARTER = {
	mentor: m.agreed_starter_mentor,
	protege: m.agreed_starter_protege,
	both: m.agreed_starter_both
} as const;

const OVERDUE = {
	protege: { pre: m.reason_overdue_protege_pre, mid: m.reason_overdue_protege_mid },
	mentor: { pre: m.reason_overdue_mentor_pre, mid: m.reason_overdue_mentor_mid }
} as const;
