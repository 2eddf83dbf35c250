import type { InstrumentDocument } from './types';

/** What removing an item or a topic of a draft would take away, and what stops it. */
export type Removal =
	| { kind: 'item'; key: string; constructKey: string; followedBy: string[] }
	| { kind: 'topic'; key: string; itemCount: number; followedBy: string[] };

export type RemovalKind = Removal['kind'];

export function isRemovalKind(value: string | null): value is RemovalKind {
	return value === 'item' || value === 'topic';
}

/**
 * The removal a confirmation asks about, or null when the item or topic is not in the document.
 * `followedBy` lists the check-in questions elsewhere that would lose the question they follow.
 */
export function describeRemoval(
	doc: InstrumentDocument,
	kind: RemovalKind,
	key: string
): Removal | null {
	const items = doc.constructs.flatMap((c) => c.items.map((item) => ({ item, construct: c.key })));
	if (kind === 'item') {
		const found = items.find((i) => i.item.key === key);
		if (!found) return null;
		const followedBy = items.filter((i) => i.item.follows === key).map((i) => i.item.key);
		return { kind, key, constructKey: found.construct, followedBy };
	}
	const construct = doc.constructs.find((c) => c.key === key);
	if (!construct) return null;
	const removed = new Set(construct.items.map((i) => i.key));
	const followedBy = items
		.filter((i) => i.construct !== key && i.item.follows && removed.has(i.item.follows))
		.map((i) => i.item.key);
	return { kind, key, itemCount: construct.items.length, followedBy };
}
