import type { InstrumentDocument, ItemType, Role, Wave } from './types';

/** Seconds a person on a phone takes for one question, by type (reading included). */
const SECONDS: Record<ItemType, number> = {
	scale: 12,
	choice: 12,
	multi: 18,
	number: 15,
	text: 40
};

/** About how long one role's survey of a wave takes, in whole minutes (at least 1). */
export function estimatedMinutes(document: InstrumentDocument, role: Role, wave: Wave): number {
	let seconds = 0;
	for (const construct of document.constructs)
		for (const item of construct.items)
			if (item.wave === wave && item.wording[role]) seconds += SECONDS[item.type];
	return Math.max(1, Math.round(seconds / 60));
}
