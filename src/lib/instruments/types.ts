/**
 * An instrument version as a document: the shape of JSON import/export (format
 * "tandem-instrument/1", see ./FORMAT.md) and of what survey pages render.
 */
export const INSTRUMENT_FORMAT = 'tandem-instrument/1';

export const ROLES = ['mentor', 'protege', 'employer', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const WAVES = ['pre', 'mid', 'post'] as const;
export type Wave = (typeof WAVES)[number];

export const ITEM_TYPES = ['scale', 'choice', 'multi', 'number', 'text'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** For ordered scales: which end of the option list counts as "more". */
export const DIRECTIONS = ['ascending', 'descending'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Text in several languages, keyed by language code: { en: '…', fr: '…' }. */
export type LocalizedText = Record<string, string>;

export interface OptionDocument {
	value: string;
	label: LocalizedText;
	/** "Don't know / prefer not to say": an answer, but missing data for every metric. */
	missing?: boolean;
}

export interface NumberSettings {
	unit: LocalizedText;
	/** The unit after a number read as one ("1 hour a month", "1,5 heure par mois"), per language. */
	unitOne?: LocalizedText;
	min: number;
	max: number;
	step?: number;
}

export interface ItemDocument {
	key: string;
	/** A short name for dashboards, reasons and exports ("Job leads and referrals"), per language. */
	label?: LocalizedText | null;
	wave: Wave;
	type: ItemType;
	required: boolean;
	critical: boolean;
	/** Key of the `pre` item this `mid` or `post` item follows up. */
	follows?: string | null;
	direction?: Direction | null;
	options?: OptionDocument[];
	number?: NumberSettings | null;
	/** Question text per role, per language. A role left out is not asked this item. */
	wording: Partial<Record<Role, LocalizedText>>;
	/** Optional hint under the question, per language (the same for every role). */
	hint?: LocalizedText | null;
}

export interface ConstructDocument {
	key: string;
	name: LocalizedText;
	/** A sentence or two shown at the top of this construct's survey page. */
	intro?: LocalizedText | null;
	weight: number;
	items: ItemDocument[];
}

export interface InstrumentDocument {
	format: typeof INSTRUMENT_FORMAT;
	name: LocalizedText;
	description?: LocalizedText | null;
	languages: string[];
	constructs: ConstructDocument[];
}
