import { itemLabel } from '$lib/instruments/item-label';
import { localized } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import {
	LARGE_FROM,
	type ConversationGuide,
	type GuideTopic,
	type TopicGroup
} from '$lib/alignment/conversation-guide';
import { listFormat, numberFormat, regionalLocale } from '$lib/intl';
import type { Locale } from '$lib/paraglide/runtime';

export interface WordedTopic {
	key: string;
	/** The item's short label, when the sentence starts with it (to show it in bold). */
	label: string;
	/** The rest of the sentence: `label + rest` reads in full. */
	rest: string;
	large: boolean;
}

export interface WordedGroup {
	key: string;
	title: string;
	/** What to talk about for this construct; only for differences. */
	prompt: string;
	topics: WordedTopic[];
}

export interface WordedGuide {
	differences: WordedGroup[];
	agreements: WordedGroup[];
}

const prompts: Record<string, (inputs: object, options: { locale: Locale }) => string> = {
	focus: m.guide_prompt_focus,
	contact: m.guide_prompt_contact,
	roles: m.guide_prompt_roles,
	outcomes: m.guide_prompt_outcomes,
	relationship: m.guide_prompt_relationship,
	commitment: m.guide_prompt_commitment
};

/** Each chosen answer in quotes, as a list: “Video call” and “Phone call”. */
export function answerText(topic: GuideTopic, values: string[], language: string, locale: Locale) {
	const { item } = topic;
	const words =
		item.type === 'number'
			? values.map((value) => {
					const amount = numberFormat(regionalLocale(locale)).format(Number(value));
					return `${amount} ${localized(item.number?.unit, language)}`.trim();
				})
			: values.map((value) =>
					localized(item.options?.find((o) => o.value === value)?.label, language)
				);
	const quoted = words.map((text) => m.guide_quoted({ text }, { locale }));
	return listFormat(regionalLocale(locale), { type: 'conjunction' }).format(quoted);
}

function topicSentence(
	topic: GuideTopic,
	partnerRole: ConversationGuide['partnerRole'],
	language: string,
	locale: Locale
): Omit<WordedTopic, 'large'> {
	const label = itemLabel(topic.item, language);
	const mine = answerText(topic, topic.mine, language, locale);
	const theirs = answerText(topic, topic.partner, language, locale);
	const differ =
		partnerRole === 'mentor' ? m.guide_difference_with_mentor : m.guide_difference_with_mentee;
	const sentence =
		mine === theirs
			? m.guide_agree_same({ label, value: mine }, { locale })
			: differ({ label, mine, theirs }, { locale });
	const key = topic.item.key;
	return sentence.startsWith(label)
		? { key, label, rest: sentence.slice(label.length) }
		: { key, label: '', rest: sentence };
}

/**
 * The guide in words: option labels and item labels in the instrument's `language`, the
 * sentences around them in the interface's `locale`.
 */
export function wordGuide(guide: ConversationGuide, language: string, locale: Locale): WordedGuide {
	const group = ({ construct, topics }: TopicGroup): WordedGroup => ({
		key: construct.key,
		title: localized(construct.name, language),
		prompt: (prompts[construct.key] ?? m.guide_prompt_other)({}, { locale }),
		topics: topics.map((topic) => ({
			...topicSentence(topic, guide.partnerRole, language, locale),
			large: topic.divergence >= LARGE_FROM
		}))
	});
	return { differences: guide.differences.map(group), agreements: guide.agreements.map(group) };
}
