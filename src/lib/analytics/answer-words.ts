import { isMissing, type Answer } from '$lib/alignment/item-divergence';
import { numberFormat, pluralRules } from '$lib/intl';
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
	if (item.type === 'number') return numberWords(item, answer[0]!, language);
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

/** A number with its unit, singular where the language reads the number as one. */
export function numberWords(item: ItemDocument, value: string, language: string): string {
	const locale = toLocale(language);
	const number = Number(value);
	const shown = Number.isFinite(number) ? meanFormat(locale).format(number) : value;
	return m.answer_number({ value: shown, unit: unitOf(item, number, language) }, { locale }).trim();
}

function unitOf(item: ItemDocument, value: number, language: string): string {
	const locale = toLocale(language);
	const settings = item.number;
	const one = settings?.unitOne && pluralRules(locale).select(value) === 'one';
	return localized(one ? settings.unitOne : settings?.unit, language);
}

function meanFormat(locale: string): Intl.NumberFormat {
	return numberFormat(locale, { maximumFractionDigits: 1 });
}

/**
 * Several people's answers to one item in a few words (the staff baseline, an employer's
 * contacts): the mean rank of a scale, the mean of a number, or how often each choice was made.
 * "Don't know" and missing answers are left out; null when nobody answered.
 */
export function groupAnswerWords(
	item: ItemDocument,
	answers: Answer[],
	language: string
): string | null {
	const locale = toLocale(language);
	const given = answers.filter((a): a is readonly string[] => !!a && a.length > 0);
	if (given.length === 0) return null;
	if (given.length === 1) return answerWords(item, given[0], language);
	const format = meanFormat(locale);
	const scored = given.filter((a) => !isMissing(item, a));
	if (item.type === 'scale' && scored.length > 0) {
		const ranked = (item.options ?? []).filter((o) => !o.missing);
		const ranks = scored
			.map((a) => ranked.findIndex((o) => o.value === a[0]) + 1)
			.filter((r) => r > 0);
		const mean = ranks.reduce((sum, r) => sum + r, 0) / ranks.length;
		// Group answers are worded without plural forms: a pair page words dozens of them, and
		// Paraglide builds a new Intl.PluralRules for every call of a message with plurals.
		return m.answer_group_mean(
			{ mean: format.format(mean), count: ranked.length, people: ranks.length },
			{ locale }
		);
	}
	if (item.type === 'number' && scored.length > 0) {
		const values = scored.map((a) => Number(a[0])).filter(Number.isFinite);
		const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
		return m.answer_group_number(
			{
				value: format.format(mean),
				unit: unitOf(item, Math.round(mean * 10) / 10, language),
				people: values.length
			},
			{ locale }
		);
	}
	const counts = new Map<string, number>();
	for (const answer of given)
		for (const value of answer) counts.set(value, (counts.get(value) ?? 0) + 1);
	// Equal counts in the instrument's option order, not in the order the answers were read.
	const values = (item.options ?? []).map((o) => o.value);
	const place = (value: string) => (values.includes(value) ? values.indexOf(value) : values.length);
	return [...counts]
		.sort((a, b) => b[1] - a[1] || place(a[0]) - place(b[0]) || (a[0] < b[0] ? -1 : 1))
		.map(([value, count]) =>
			m.answer_group_count({ label: answerWords(item, [value], language), count }, { locale })
		)
		.join(', ');
}
