import { m } from '$lib/paraglide/messages';
import type { InstrumentDocument, ItemDocument, LocalizedText } from '$lib/instruments/types';
import { areCompatibleFollowUps } from '$lib/instruments/follow-ups';

export interface RuleProblem {
	path: (string | number)[];
	message: string;
}

/** The rules a schema cannot say alone: unique keys, type-specific parts, links, translations. */
export function checkInstrumentRules(
	doc: InstrumentDocument,
	options: { complete: boolean }
): RuleProblem[] {
	const problems: RuleProblem[] = [];
	const add = (path: (string | number)[], message: string) => problems.push({ path, message });

	if (new Set(doc.languages).size !== doc.languages.length) {
		add(['languages'], m.instrument_error_duplicate_language());
	}
	const checkText = (value: LocalizedText | null | undefined, path: (string | number)[]) => {
		if (!options.complete || !value) return;
		for (const language of doc.languages) {
			if (!value[language]?.trim())
				add([...path, language], m.instrument_error_missing_text({ language }));
		}
	};

	checkText(doc.name, ['name']);
	const constructKeys = new Set<string>();
	const items = new Map<string, ItemDocument>();
	doc.constructs.forEach((construct, c) => {
		const at = ['constructs', c];
		if (constructKeys.has(construct.key))
			add([...at, 'key'], m.instrument_error_duplicate_key({ key: construct.key }));
		constructKeys.add(construct.key);
		checkText(construct.name, [...at, 'name']);
		construct.items.forEach((item, i) => {
			const itemAt = [...at, 'items', i];
			if (items.has(item.key))
				add([...itemAt, 'key'], m.instrument_error_duplicate_key({ key: item.key }));
			items.set(item.key, item);
			checkItemShape(item, itemAt, add);
			for (const [role, wording] of Object.entries(item.wording)) {
				checkText(wording, [...itemAt, 'wording', role]);
			}
			if (Object.keys(item.wording).length === 0)
				add([...itemAt, 'wording'], m.instrument_error_no_role());
			item.options?.forEach((option, o) =>
				checkText(option.label, [...itemAt, 'options', o, 'label'])
			);
			checkText(item.number?.unit, [...itemAt, 'number', 'unit']);
		});
	});

	doc.constructs.forEach((construct, c) =>
		construct.items.forEach((item, i) => {
			if (!item.follows) return;
			const at = ['constructs', c, 'items', i, 'follows'];
			const target = items.get(item.follows);
			if (!target) return add(at, m.instrument_error_follows_unknown({ key: item.follows }));
			if (item.wave === 'pre' || target.wave !== 'pre')
				return add(at, m.instrument_error_follows_wave());
			if (!areCompatibleFollowUps(target, item))
				add(at, m.instrument_error_follows_type({ key: target.key }));
		})
	);
	return problems;
}

function checkItemShape(
	item: ItemDocument,
	at: (string | number)[],
	add: (path: (string | number)[], message: string) => void
): void {
	const options = item.options ?? [];
	const values = new Set<string>();
	options.forEach((option, o) => {
		if (values.has(option.value))
			add([...at, 'options', o, 'value'], m.instrument_error_duplicate_key({ key: option.value }));
		values.add(option.value);
	});
	const answerOptions = options.filter((o) => !o.missing);
	if (options.length - answerOptions.length > 1)
		add([...at, 'options'], m.instrument_error_two_missing());

	switch (item.type) {
		case 'scale':
		case 'choice':
		case 'multi':
			if (answerOptions.length < 2) add([...at, 'options'], m.instrument_error_few_options());
			if (item.type === 'scale' && !item.direction)
				add([...at, 'direction'], m.instrument_error_direction());
			if (item.type === 'multi' && answerOptions.length !== options.length) {
				add([...at, 'options'], m.instrument_error_multi_missing());
			}
			if (item.number) add([...at, 'number'], m.instrument_error_not_for_type());
			break;
		case 'number':
			if (!item.number) add([...at, 'number'], m.instrument_error_number_settings());
			else if (!(item.number.min < item.number.max))
				add([...at, 'number', 'max'], m.instrument_error_bounds());
			if (options.length > 0) add([...at, 'options'], m.instrument_error_not_for_type());
			break;
		case 'text':
			if (options.length > 0) add([...at, 'options'], m.instrument_error_not_for_type());
			if (item.number) add([...at, 'number'], m.instrument_error_not_for_type());
			break;
	}
}
