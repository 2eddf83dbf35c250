import type { AssessedReason } from '$lib/alignment/risk';
import { itemLabel } from '$lib/instruments/item-label';
import type { ItemDocument } from '$lib/instruments/types';
import { localized } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { numberWords } from './answer-words';
import { AGREED_FREQUENCY, AGREED_STARTER, weeksOf } from './reason-words';
import { toLocale } from './locale';

/**
 * What raised a pair's status, short enough for a cell of the pairs table: the item's name and
 * the answers that raised it ("Job leads and referrals — protégé 5 of 5, mentor 1 of 5").
 */
export interface ReasonMark {
	level: AssessedReason['level'];
	label: string;
	figure: string;
}

/** One answer as briefly as it can be read: a scale's rank, a number with its unit, a label. */
function briefAnswer(item: ItemDocument | undefined, value: string, language: string): string {
	if (!item) return value;
	if (item.type === 'number') return numberWords(item, value, language);
	const options = item.options ?? [];
	if (item.type === 'scale') {
		const ranked = options.filter((o) => !o.missing);
		const position = ranked.findIndex((o) => o.value === value);
		if (position >= 0)
			return m.mark_scale(
				{ position: position + 1, count: ranked.length },
				{ locale: toLocale(language) }
			);
	}
	return localized(options.find((o) => o.value === value)?.label, language) || value;
}

export function reasonMark(
	{ level, reason }: AssessedReason,
	items: ReadonlyMap<string, ItemDocument>,
	language: string,
	contactRequestKey: string
): ReasonMark {
	const options = { locale: toLocale(language) };
	const itemKey =
		'itemKey' in reason
			? reason.itemKey
			: reason.kind === 'contact_request'
				? contactRequestKey
				: null;
	const item = itemKey ? items.get(itemKey) : undefined;
	const label = item ? itemLabel(item, language) : '';
	const brief = (value: string, of = item) => briefAnswer(of, value, language);
	switch (reason.kind) {
		case 'critical_mismatch':
			return {
				level,
				label,
				figure: m.mark_pair_answers(
					{ protege: brief(reason.protege), mentor: brief(reason.mentor) },
					options
				)
			};
		case 'perception_gap':
			return {
				level,
				label,
				figure: m.mark_reported(
					{ protege: brief(reason.protege), mentor: brief(reason.mentor) },
					options
				)
			};
		case 'low_commitment': {
			const rated = reason.rater === 'protege' ? m.mark_rated_by_protege : m.mark_rated_by_mentor;
			return { level, label, figure: rated({ value: brief(reason.value) }, options) };
		}
		case 'unmet_expectation': {
			const before = item?.follows ? items.get(item.follows) : undefined;
			const unmet = reason.person === 'protege' ? m.mark_unmet_protege : m.mark_unmet_mentor;
			const values = {
				expected: brief(reason.expected, before),
				experienced: brief(reason.experienced)
			};
			return { level, label, figure: unmet(values, options) };
		}
		case 'contact_request': {
			const asks = reason.person === 'protege' ? m.mark_contact_protege : m.mark_contact_mentor;
			return { level, label, figure: asks({}, options) };
		}
		case 'low_alignment':
			return {
				level,
				label: m.pair_overall({}, options),
				figure: m.mark_below({ threshold: Math.round(reason.threshold * 100) }, options)
			};
		case 'overdue':
			return { level, label: '', figure: '' };
		case 'pulse_going_badly':
			return {
				level,
				label: m.mark_pulse({}, options),
				figure: m.mark_pulse_going({ rating: reason.rating }, options)
			};
		case 'pulse_contact_request': {
			const asks = reason.person === 'protege' ? m.mark_contact_protege : m.mark_contact_mentor;
			return { level, label: m.mark_pulse({}, options), figure: asks({}, options) };
		}
		case 'pulse_no_contact':
			return {
				level,
				label: m.mark_pulse({}, options),
				figure: m.mark_pulse_silent({ times: reason.times }, options)
			};
		case 'agreement_no_contact':
			return {
				level,
				label: m.mark_agreement({}, options),
				figure: m.mark_agreement_silent(
					{ frequency: AGREED_FREQUENCY[reason.frequency](options), weeks: weeksOf(reason.days) },
					options
				)
			};
		case 'agreement_rhythm': {
			const says = reason.person === 'protege' ? m.mark_agreement_protege : m.mark_agreement_mentor;
			const values = {
				agreed: AGREED_FREQUENCY[reason.frequency](options),
				actual: AGREED_FREQUENCY[reason.actual](options)
			};
			return { level, label: m.mark_agreement({}, options), figure: says(values, options) };
		}
		case 'agreement_starter': {
			const says = reason.person === 'protege' ? m.mark_agreement_protege : m.mark_agreement_mentor;
			const values = {
				agreed: AGREED_STARTER[reason.starter](options),
				actual: brief(reason.actual)
			};
			return { level, label, figure: says(values, options) };
		}
		case 'agreement_goal_untouched': {
			const says =
				reason.person === 'protege' ? m.mark_goal_untouched_protege : m.mark_goal_untouched_mentor;
			return { level, label, figure: says({}, options) };
		}
	}
}
