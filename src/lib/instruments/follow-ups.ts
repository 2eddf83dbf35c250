import type { ItemDocument } from './types';

/**
 * A follow-up (`mid`) item can be compared with its `pre` item only when both are answered on
 * the same footing: same type; for scales the same number of steps read in the same direction;
 * for choices the same options; for numbers the same unit.
 */
export function areCompatibleFollowUps(pre: ItemDocument, followUp: ItemDocument): boolean {
	if (pre.type !== followUp.type) return false;
	const answers = (item: ItemDocument) => (item.options ?? []).filter((o) => !o.missing);
	switch (pre.type) {
		case 'scale':
			return (
				answers(pre).length === answers(followUp).length && pre.direction === followUp.direction
			);
		case 'choice':
		case 'multi': {
			const values = (item: ItemDocument) =>
				answers(item)
					.map((o) => o.value)
					.sort()
					.join('\n');
			return values(pre) === values(followUp);
		}
		case 'number':
			return JSON.stringify(pre.number?.unit) === JSON.stringify(followUp.number?.unit);
		case 'text':
			return true;
	}
}
