import type { AgreedFrequency, AgreedMode, Goal, Starter } from '$lib/pairs/agreement';
import { m } from '$lib/paraglide/messages';

/** The agreement's codes in the reader's language (participant messages, every language). */
export const FREQUENCY_WORDS: Record<AgreedFrequency, () => string> = {
	twice_weekly: m.p_agreement_frequency_twice_weekly,
	weekly: m.p_agreement_frequency_weekly,
	every_two_weeks: m.p_agreement_frequency_every_two_weeks,
	monthly: m.p_agreement_frequency_monthly,
	less_than_monthly: m.p_agreement_frequency_less_than_monthly
};

export const MODE_WORDS: Record<AgreedMode, () => string> = {
	in_person: m.p_agreement_mode_in_person,
	video: m.p_agreement_mode_video,
	phone: m.p_agreement_mode_phone,
	messages: m.p_agreement_mode_messages
};

export const STARTER_WORDS: Record<Starter, () => string> = {
	mentor: m.p_agreement_starter_mentor,
	protege: m.p_agreement_starter_protege,
	both: m.p_agreement_starter_both
};

/** A goal as written: the focus topic's name, or the pair's own words. */
export function goalWords(goal: Goal, choices: readonly { key: string; label: string }[]): string {
	if ('text' in goal) return goal.text;
	return choices.find((choice) => choice.key === goal.item)?.label ?? goal.item;
}
