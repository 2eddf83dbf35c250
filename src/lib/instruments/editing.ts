import type {
	ConstructDocument,
	InstrumentDocument,
	ItemDocument,
	ItemType,
	LocalizedText,
	Role,
	Wave
} from './types';
import { ROLES } from './types';

/** Edits of a draft, as pure functions: each returns a new document or a reason it cannot. */
export type EditResult =
	{ ok: true; document: InstrumentDocument } | { ok: false; reason: EditRefusal };
export type EditRefusal =
	'not_found' | 'key_taken' | 'still_followed' | 'language_exists' | 'language_invalid';

/** A language code: two or three letters, maybe a script and a region (en, pt-BR, zh-Hans, es-419). */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

const clone = (doc: InstrumentDocument): InstrumentDocument => structuredClone(doc);
const ok = (document: InstrumentDocument): EditResult => ({ ok: true, document });
const refuse = (reason: EditRefusal): EditResult => ({ ok: false, reason });

function allItems(doc: InstrumentDocument): ItemDocument[] {
	return doc.constructs.flatMap((c) => c.items);
}

function keyTaken(doc: InstrumentDocument, key: string): boolean {
	return doc.constructs.some((c) => c.key === key) || allItems(doc).some((i) => i.key === key);
}

function blank(languages: string[]): LocalizedText {
	return Object.fromEntries(languages.map((l) => [l, '']));
}

function move<T>(list: T[], index: number, delta: number): void {
	const target = index + delta;
	if (index < 0 || target < 0 || target >= list.length) return;
	[list[index], list[target]] = [list[target]!, list[index]!];
}

export function addConstruct(
	doc: InstrumentDocument,
	key: string,
	name: LocalizedText
): EditResult {
	if (keyTaken(doc, key)) return refuse('key_taken');
	const next = clone(doc);
	next.constructs.push({
		key,
		name: { ...blank(doc.languages), ...name },
		intro: null,
		weight: 1,
		items: []
	});
	return ok(next);
}

export function updateConstruct(
	doc: InstrumentDocument,
	key: string,
	changes: Pick<ConstructDocument, 'name' | 'intro' | 'weight'>
): EditResult {
	const next = clone(doc);
	const construct = next.constructs.find((c) => c.key === key);
	if (!construct) return refuse('not_found');
	Object.assign(construct, changes);
	return ok(next);
}

export function moveConstruct(doc: InstrumentDocument, key: string, delta: number): EditResult {
	const next = clone(doc);
	const index = next.constructs.findIndex((c) => c.key === key);
	if (index < 0) return refuse('not_found');
	move(next.constructs, index, delta);
	return ok(next);
}

export function removeConstruct(doc: InstrumentDocument, key: string): EditResult {
	const construct = doc.constructs.find((c) => c.key === key);
	if (!construct) return refuse('not_found');
	const removed = new Set(construct.items.map((i) => i.key));
	const followedFromOutside = doc.constructs
		.filter((c) => c.key !== key)
		.some((c) => c.items.some((i) => i.follows && removed.has(i.follows)));
	if (followedFromOutside) return refuse('still_followed');
	const next = clone(doc);
	next.constructs = next.constructs.filter((c) => c.key !== key);
	return ok(next);
}

/** A new item with every part its type needs, texts still to be written. */
export function newItem(
	doc: InstrumentDocument,
	key: string,
	type: ItemType,
	wave: Wave
): ItemDocument {
	const wording = Object.fromEntries(ROLES.map((role) => [role, blank(doc.languages)])) as Record<
		Role,
		LocalizedText
	>;
	const numbered = (n: number) => Object.fromEntries(doc.languages.map((l) => [l, String(n)]));
	const item: ItemDocument = {
		key,
		label: null,
		wave,
		type,
		required: type !== 'text',
		critical: false,
		follows: null,
		direction: null,
		wording,
		hint: null
	};
	if (type === 'scale') {
		item.direction = 'ascending';
		item.options = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: numbered(n) }));
	}
	if (type === 'choice' || type === 'multi') {
		item.options = [1, 2].map((n) => ({ value: `option_${n}`, label: blank(doc.languages) }));
	}
	if (type === 'number') item.number = { unit: blank(doc.languages), min: 0, max: 10 };
	return item;
}

export function addItem(
	doc: InstrumentDocument,
	constructKey: string,
	item: ItemDocument
): EditResult {
	if (keyTaken(doc, item.key)) return refuse('key_taken');
	const next = clone(doc);
	const construct = next.constructs.find((c) => c.key === constructKey);
	if (!construct) return refuse('not_found');
	construct.items.push(item);
	return ok(next);
}

/** Replaces an item (it may change key and construct); follow-up links move with a new key. */
export function replaceItem(
	doc: InstrumentDocument,
	key: string,
	item: ItemDocument,
	constructKey: string
): EditResult {
	if (item.key !== key && keyTaken(doc, item.key)) return refuse('key_taken');
	const next = clone(doc);
	const from = next.constructs.find((c) => c.items.some((i) => i.key === key));
	const to = next.constructs.find((c) => c.key === constructKey);
	if (!from || !to) return refuse('not_found');
	const index = from.items.findIndex((i) => i.key === key);
	if (from === to) from.items[index] = item;
	else {
		from.items.splice(index, 1);
		to.items.push(item);
	}
	if (item.key !== key)
		for (const other of allItems(next)) if (other.follows === key) other.follows = item.key;
	return ok(next);
}

export function moveItem(doc: InstrumentDocument, key: string, delta: number): EditResult {
	const next = clone(doc);
	const construct = next.constructs.find((c) => c.items.some((i) => i.key === key));
	if (!construct) return refuse('not_found');
	move(
		construct.items,
		construct.items.findIndex((i) => i.key === key),
		delta
	);
	return ok(next);
}

export function removeItem(doc: InstrumentDocument, key: string): EditResult {
	if (!allItems(doc).some((i) => i.key === key)) return refuse('not_found');
	if (allItems(doc).some((i) => i.follows === key)) return refuse('still_followed');
	const next = clone(doc);
	for (const construct of next.constructs)
		construct.items = construct.items.filter((i) => i.key !== key);
	return ok(next);
}

/** Adds a language; its texts start empty, so the draft cannot be published until translated. */
export function addLanguage(doc: InstrumentDocument, language: string): EditResult {
	// Checked here, not only when saving: every text of the document would repeat a bad code.
	if (!LANGUAGE_CODE.test(language)) return refuse('language_invalid');
	if (doc.languages.includes(language)) return refuse('language_exists');
	const next = clone(doc);
	next.languages.push(language);
	const fill = (text: LocalizedText | null | undefined) => {
		if (text && !(language in text)) text[language] = '';
	};
	fill(next.name);
	fill(next.description);
	for (const construct of next.constructs) {
		fill(construct.name);
		fill(construct.intro);
		for (const item of construct.items) {
			Object.values(item.wording).forEach(fill);
			item.options?.forEach((o) => fill(o.label));
			fill(item.number?.unit);
			fill(item.hint);
			fill(item.label);
		}
	}
	return ok(next);
}
