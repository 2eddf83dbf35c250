import type { Answer } from '$lib/alignment/item-divergence';
import { localized } from '$lib/labels';
import type { ItemDocument } from '$lib/instruments/types';
import { m } from '$lib/paraglide/messages';
import { toLocale } from './locale';

/**
 * One answer as a coordinator reads it: a scale option with its rank (“Very important” (5 of 5)),
 * a choice's label, a number with its unit, or several labels for a set.
 */
export function answerWords(item: ItemDocument, answer: Answer, language: string): string {
	const locale = toLocale(language);
	if (!answer || answer.length === 0) return m.answer_none({}, { locale });
	if (item.type === 'number') {
		const unit = localized(item.number?.unit, language);
		return m.answer_number({ value: answer[0]!, unit }, { locale }).trim();
	}
	if (item.type === 'text') return m.answer_quoted({ label: answer[0]! }, { locale });
	const options = item.options ?? [];
	const labelOf = (value: string) =>
		localized(options.find((o) => o.value === value)?.label, language) || value;
	if (item.type === 'scale') {
		const ranked = options.filter((o) => !o.missing);
		const position = ranked.findIndex((o) => o.value === answer[0]);
		const label = labelOf(answer[0]!);
		return position < 0
			? m.answer_quoted({ label }, { locale })
			: m.answer_scale({ label, position: position + 1, count: ranked.length }, { locale });
	}
	return answer.map((value) => m.answer_quoted({ label: labelOf(value) }, { locale })).join(', ');
}
