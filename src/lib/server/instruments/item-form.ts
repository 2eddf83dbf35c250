import {
	DIRECTIONS,
	ITEM_TYPES,
	ROLES,
	WAVES,
	type Direction,
	type ItemDocument,
	type ItemType,
	type LocalizedText,
	type OptionDocument,
	type Wave
} from '$lib/instruments/types';
import { formText, localizedField } from './edit-action';

const text = formText;
const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
	values.includes(value as T) ? (value as T) : fallback;
const hasText = (value: LocalizedText) => Object.values(value).some(Boolean);
const numberOr = (value: string, fallback: number) =>
	value === '' || !Number.isFinite(Number(value)) ? fallback : Number(value);

/** The item editor's fields back into an item. Bad numbers become NaN so validation names them. */
export function itemFromForm(
	form: FormData,
	languages: string[],
	previous: ItemDocument
): ItemDocument {
	const type: ItemType = oneOf(ITEM_TYPES, text(form, 'type'), previous.type);
	const wave: Wave = oneOf(WAVES, text(form, 'wave'), previous.wave);
	const wording: ItemDocument['wording'] = {};
	for (const role of ROLES) {
		if (form.get(`asked.${role}`))
			wording[role] = localizedField(form, `wording.${role}`, languages);
	}
	const label = localizedField(form, 'label', languages);
	const hint = localizedField(form, 'hint', languages);
	const item: ItemDocument = {
		key: text(form, 'key'),
		label: hasText(label) ? label : null,
		wave,
		type,
		required: form.get('required') === 'on',
		critical: form.get('critical') === 'on',
		follows: text(form, 'follows') || null,
		direction:
			type === 'scale' ? oneOf<Direction>(DIRECTIONS, text(form, 'direction'), 'ascending') : null,
		wording,
		hint: hasText(hint) ? hint : null
	};
	if (type === 'scale' || type === 'choice' || type === 'multi')
		item.options = optionsFromForm(form, languages);
	if (type === 'number') {
		const step = text(form, 'number.step');
		const unitOne = localizedField(form, 'unitOne', languages);
		item.number = {
			unit: localizedField(form, 'unit', languages),
			...(hasText(unitOne) ? { unitOne } : {}),
			min: numberOr(text(form, 'number.min'), NaN),
			max: numberOr(text(form, 'number.max'), NaN),
			...(step ? { step: numberOr(step, NaN) } : {})
		};
	}
	return item;
}

function optionsFromForm(form: FormData, languages: string[]): OptionDocument[] {
	const options: OptionDocument[] = [];
	for (let i = 0; form.has(`option.${i}.value`); i++) {
		if (form.get(`option.${i}.remove`)) continue;
		options.push({
			value: text(form, `option.${i}.value`),
			label: localizedField(form, `option.${i}.label`, languages),
			...(form.get(`option.${i}.missing`) ? { missing: true } : {})
		});
	}
	if (text(form, 'intent') === 'add_option') {
		options.push({
			value: `option_${options.length + 1}`,
			label: Object.fromEntries(languages.map((l) => [l, '']))
		});
	}
	return options;
}
