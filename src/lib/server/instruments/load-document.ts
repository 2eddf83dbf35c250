import type { DbOrTx } from '../db';
import {
	INSTRUMENT_FORMAT,
	type ConstructDocument,
	type InstrumentDocument,
	type ItemDocument,
	type LocalizedText,
	type Role,
	ROLES
} from '$lib/instruments/types';

const parse = <T>(value: string | null): T | null =>
	value == null ? null : (JSON.parse(value) as T);

/** Where `value` stands in `list`; values not in it after those that are. */
const placeIn = (list: readonly string[], value: string) =>
	list.includes(value) ? list.indexOf(value) : list.length;

/** Reads a version back into its document form: four queries, whatever its size. */
export async function loadVersionDocument(
	db: DbOrTx,
	versionId: string
): Promise<InstrumentDocument | null> {
	const version = await db
		.selectFrom('instrument_versions')
		.select(['name', 'description', 'languages'])
		.where('id', '=', versionId)
		.executeTakeFirst();
	if (!version) return null;

	const [constructRows, itemRows, optionRows, wordingRows] = await Promise.all([
		db
			.selectFrom('instrument_constructs')
			.selectAll()
			.where('version_id', '=', versionId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('instrument_items')
			.selectAll()
			.where('version_id', '=', versionId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('instrument_options')
			.innerJoin('instrument_items', 'instrument_items.id', 'instrument_options.item_id')
			.select(['instrument_options.item_id', 'value', 'instrument_options.label', 'missing'])
			.where('instrument_items.version_id', '=', versionId)
			.orderBy('instrument_options.position')
			.execute(),
		db
			.selectFrom('instrument_wordings')
			.innerJoin('instrument_items', 'instrument_items.id', 'instrument_wordings.item_id')
			.select(['instrument_wordings.item_id', 'role', 'language', 'text'])
			.where('instrument_items.version_id', '=', versionId)
			.execute()
	]);

	const itemsById = new Map<string, ItemDocument>();
	const constructsById = new Map<string, ConstructDocument>();
	const constructs = constructRows.map((row) => {
		const construct: ConstructDocument = {
			key: row.key,
			name: JSON.parse(row.name),
			intro: parse<LocalizedText>(row.intro),
			weight: row.weight,
			items: []
		};
		constructsById.set(row.id, construct);
		return construct;
	});
	for (const row of itemRows) {
		const item: ItemDocument = {
			key: row.key,
			label: parse<LocalizedText>(row.label),
			wave: row.wave,
			type: row.type,
			required: row.required === 1,
			critical: row.critical === 1,
			follows: row.follows_key,
			direction: row.direction,
			options: row.type === 'number' || row.type === 'text' ? undefined : [],
			number:
				row.type === 'number'
					? {
							unit: parse<LocalizedText>(row.unit) ?? {},
							...(row.unit_one ? { unitOne: parse<LocalizedText>(row.unit_one)! } : {}),
							min: row.min_value ?? 0,
							max: row.max_value ?? 0,
							...(row.step == null ? {} : { step: row.step })
						}
					: null,
			wording: {},
			hint: parse<LocalizedText>(row.hint)
		};
		itemsById.set(row.id, item);
		constructsById.get(row.construct_id)?.items.push(item);
	}
	for (const row of optionRows) {
		itemsById.get(row.item_id)?.options?.push({
			value: row.value,
			label: JSON.parse(row.label),
			...(row.missing ? { missing: true } : {})
		});
	}
	// Each item's wording in role order, then in the version's language order, whatever order the
	// database returns the rows in.
	const languages = JSON.parse(version.languages) as string[];
	wordingRows.sort(
		(a, b) =>
			placeIn(ROLES, a.role) - placeIn(ROLES, b.role) ||
			placeIn(languages, a.language) - placeIn(languages, b.language) ||
			(a.language < b.language ? -1 : a.language > b.language ? 1 : 0)
	);
	for (const row of wordingRows) {
		const item = itemsById.get(row.item_id);
		if (item) (item.wording[row.role as Role] ??= {})[row.language] = row.text;
	}
	return {
		format: INSTRUMENT_FORMAT,
		name: JSON.parse(version.name),
		description: parse<LocalizedText>(version.description),
		languages,
		constructs
	};
}
