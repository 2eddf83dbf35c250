import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { LANGUAGE_CODE } from '$lib/instruments/editing';
import {
	DIRECTIONS,
	INSTRUMENT_FORMAT,
	ITEM_TYPES,
	ROLES,
	WAVES,
	type InstrumentDocument,
	type ItemDocument
} from '$lib/instruments/types';
import { checkInstrumentRules } from './document-rules';

export const MAX_TEXT = 2000;
export const MAX_LABEL = 80;
const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const LANGUAGE = LANGUAGE_CODE;

const key = z.string().regex(KEY, { error: () => m.instrument_error_key() });
const text = z.string().max(MAX_TEXT, { error: () => m.error_too_long({ max: MAX_TEXT }) });
const localized = z.record(z.string().regex(LANGUAGE), text);
const shortText = z.string().max(MAX_LABEL, { error: () => m.error_too_long({ max: MAX_LABEL }) });
const localizedLabel = z.record(z.string().regex(LANGUAGE), shortText);

const option = z.strictObject({
	value: z.string().min(1).max(64),
	label: localized,
	missing: z.boolean().optional()
});

const numberSettings = z.strictObject({
	unit: localized,
	unitOne: localized.optional(),
	min: z.number().finite(),
	max: z.number().finite(),
	step: z.number().finite().positive().optional()
});

const item = z.strictObject({
	key,
	label: localizedLabel.nullish(),
	wave: z.enum(WAVES),
	type: z.enum(ITEM_TYPES),
	required: z.boolean(),
	critical: z.boolean(),
	follows: key.nullish(),
	direction: z.enum(DIRECTIONS).nullish(),
	options: z.array(option).max(30).optional(),
	number: numberSettings.nullish(),
	wording: z.partialRecord(z.enum(ROLES), localized),
	hint: localized.nullish()
});

const construct = z.strictObject({
	key,
	name: localized,
	intro: localized.nullish(),
	weight: z.number().finite().min(0).max(100),
	items: z.array(item).max(300)
});

const document = z.strictObject({
	format: z.literal(INSTRUMENT_FORMAT, {
		error: () => m.instrument_error_format({ format: INSTRUMENT_FORMAT })
	}),
	name: localized,
	description: localized.nullish(),
	languages: z
		.array(z.string().regex(LANGUAGE, { error: () => m.instrument_error_language() }))
		.min(1)
		.max(20),
	constructs: z.array(construct).min(1).max(50)
});

/**
 * `complete`: every text in every language of the instrument is filled in — required to publish
 * and to import. Drafts may have gaps while someone is still translating.
 */
export function instrumentSchema(options: { complete: boolean }) {
	return document.superRefine((doc, ctx) => {
		for (const problem of checkInstrumentRules(doc as InstrumentDocument, options)) {
			ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
		}
	});
}

export type ItemInput = z.infer<typeof item>;
export type { ItemDocument };
