import type { MatchTopic } from '$lib/alignment/match-explanation';
import { itemLabel } from '$lib/instruments/item-label';
import { m } from '$lib/paraglide/messages';
import { answerText } from './conversation-guide-words';
import { toLocale } from './locale';

/**
 * One agreement or difference between a mentor and a protégé in a coordinator's words: the item's
 * short label, then both answers ("Meeting frequency: both chose “Every two weeks”.").
 */
export function matchTopicSentence(topic: MatchTopic, language: string): string {
	const locale = toLocale(language);
	const label = itemLabel(topic.item, language);
	const protege = answerText(topic, topic.mine, language, locale);
	const mentor = answerText(topic, topic.partner, language, locale);
	return protege === mentor
		? m.match_agree({ label, value: protege }, { locale })
		: m.match_differ({ label, protege, mentor }, { locale });
}

/** "Both work in Healthcare." */
export function sameFieldSentence(field: string, language: string): string {
	return m.match_same_field({ field }, { locale: toLocale(language) });
}

/** "Both speak Arabic.", the language named in the reader's language. */
export function sharedLanguageSentence(code: string, language: string): string {
	const locale = toLocale(language);
	let name = code;
	try {
		name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
	} catch {
		// Not a code Intl knows: show it as stored.
	}
	return m.match_shared_language({ language: name }, { locale });
}
