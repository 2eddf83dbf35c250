import type { DbOrTx } from '../db';
import type { InstrumentVersionStatus } from '../db/schema';
import type { InstrumentDocument } from '$lib/instruments/types';
import { generateId } from '../util/ids';

const CHUNK = 200;

async function insertChunked<T>(
	rows: T[],
	insert: (chunk: T[]) => Promise<unknown>
): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

/** Writes the constructs, items, options and wording of a document under an existing version. */
export async function writeVersionContent(
	db: DbOrTx,
	versionId: string,
	doc: InstrumentDocument
): Promise<void> {
	const constructs = [];
	const items = [];
	const options = [];
	const wordings = [];
	for (const [c, construct] of doc.constructs.entries()) {
		const constructId = generateId();
		constructs.push({
			id: constructId,
			version_id: versionId,
			key: construct.key,
			name: JSON.stringify(construct.name),
			intro: json(construct.intro),
			weight: construct.weight,
			position: c
		});
		for (const [i, item] of construct.items.entries()) {
			const itemId = generateId();
			items.push({
				id: itemId,
				version_id: versionId,
				construct_id: constructId,
				key: item.key,
				label: json(item.label),
				wave: item.wave,
				type: item.type,
				required: item.required ? 1 : 0,
				critical: item.critical ? 1 : 0,
				follows_key: item.follows ?? null,
				direction: item.direction ?? null,
				unit: json(item.number?.unit),
				unit_one: json(item.number?.unitOne),
				min_value: item.number?.min ?? null,
				max_value: item.number?.max ?? null,
				step: item.number?.step ?? null,
				hint: json(item.hint),
				position: i
			});
			for (const [o, option] of (item.options ?? []).entries()) {
				options.push({
					id: generateId(),
					item_id: itemId,
					value: option.value,
					label: JSON.stringify(option.label),
					missing: option.missing ? 1 : 0,
					position: o
				});
			}
			for (const [role, byLanguage] of Object.entries(item.wording)) {
				for (const [language, text] of Object.entries(byLanguage ?? {})) {
					wordings.push({ item_id: itemId, role: role as 'mentor', language, text });
				}
			}
		}
	}
	await insertChunked(constructs, (rows) =>
		db.insertInto('instrument_constructs').values(rows).execute()
	);
	await insertChunked(items, (rows) => db.insertInto('instrument_items').values(rows).execute());
	await insertChunked(options, (rows) =>
		db.insertInto('instrument_options').values(rows).execute()
	);
	await insertChunked(wordings, (rows) =>
		db.insertInto('instrument_wordings').values(rows).execute()
	);
}

export interface NewVersion {
	instrumentId: string;
	number: number;
	status: InstrumentVersionStatus;
	document: InstrumentDocument;
	createdBy: string | null;
	basedOn: string | null;
}

export async function insertVersion(
	db: DbOrTx,
	version: NewVersion,
	now = Date.now()
): Promise<string> {
	const id = generateId();
	await db
		.insertInto('instrument_versions')
		.values({
			id,
			instrument_id: version.instrumentId,
			number: version.number,
			status: version.status,
			name: JSON.stringify(version.document.name),
			description: json(version.document.description),
			languages: JSON.stringify(version.document.languages),
			based_on_version_id: version.basedOn,
			created_at: now,
			created_by: version.createdBy,
			published_at: version.status === 'published' ? now : null,
			published_by: version.status === 'published' ? version.createdBy : null
		})
		.execute();
	await writeVersionContent(db, id, version.document);
	return id;
}

/** Replaces a version's content; callers make sure it is a draft. */
export async function replaceVersionContent(
	db: DbOrTx,
	versionId: string,
	doc: InstrumentDocument
): Promise<void> {
	await db.deleteFrom('instrument_constructs').where('version_id', '=', versionId).execute();
	await db
		.updateTable('instrument_versions')
		.set({
			name: JSON.stringify(doc.name),
			description: json(doc.description),
			languages: JSON.stringify(doc.languages)
		})
		.where('id', '=', versionId)
		.execute();
	await writeVersionContent(db, versionId, doc);
}

/** A new draft keeps the reviews of the version it copies. */
export async function copyLanguageReviews(
	db: DbOrTx,
	fromVersionId: string,
	toVersionId: string
): Promise<void> {
	const rows = await db
		.selectFrom('instrument_language_reviews')
		.selectAll()
		.where('version_id', '=', fromVersionId)
		.execute();
	if (rows.length === 0) return;
	await db
		.insertInto('instrument_language_reviews')
		.values(rows.map((row) => ({ ...row, version_id: toVersionId })))
		.execute();
}
