import type { ItemDocument } from '$lib/instruments/types';

/**
 * Scale answers as levels: 0 is the least of the thing the item measures (its declared direction
 * applied), k − 1 the most. Drafting answers in levels keeps "one step apart" meaningful on
 * descending scales such as meeting frequency, where "1" means most often.
 */
function ordered(item: ItemDocument): string[] {
	return (item.options ?? []).filter((o) => !o.missing).map((o) => o.value);
}

export function levelCount(item: ItemDocument): number {
	return ordered(item).length;
}

export function levelOf(item: ItemDocument, value: string | undefined): number | null {
	const values = ordered(item);
	const index = value === undefined ? -1 : values.indexOf(value);
	if (index < 0) return null;
	return item.direction === 'descending' ? values.length - 1 - index : index;
}

/** The option at a level, clamped to the scale's ends. */
export function valueAtLevel(item: ItemDocument, level: number): string {
	const values = ordered(item);
	const clamped = Math.max(0, Math.min(values.length - 1, Math.round(level)));
	return values[item.direction === 'descending' ? values.length - 1 - clamped : clamped]!;
}

/** The same relative height on another scale (a `pre` item's level read on its `mid` follow-up). */
export function carryLevel(from: ItemDocument, to: ItemDocument, level: number): number {
	const steps = levelCount(from) - 1;
	return steps <= 0 ? 0 : Math.round((level / steps) * (levelCount(to) - 1));
}

export function missingValue(item: ItemDocument): string | null {
	return (item.options ?? []).find((o) => o.missing)?.value ?? null;
}
