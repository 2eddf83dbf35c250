import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';

export const label = { en: 'x' };
const dontKnow = { value: 'dont_know', label, missing: true };
export const scale = (
	key: string,
	wave: 'pre' | 'mid',
	extra: Partial<ItemDocument> = {}
): ItemDocument => ({
	key,
	wave,
	type: 'scale',
	required: true,
	critical: false,
	direction: 'ascending',
	options: [...['1', '2', '3', '4', '5'].map((value) => ({ value, label })), dontKnow],
	wording: { mentor: label, protege: label },
	...extra
});

/** A two-construct instrument with a critical item, a follow-up and the commitment and contact keys. */
export const constructs: ConstructDocument[] = [
	{
		key: 'focus',
		name: label,
		weight: 1,
		items: [
			scale('referrals', 'pre', { critical: true }),
			scale('networking', 'pre'),
			scale('networking_covered', 'mid', { follows: 'networking' })
		]
	},
	{
		key: 'commitment',
		name: label,
		weight: 1,
		items: [
			scale('commitment_partner', 'mid'),
			{
				...scale('check_in_contact_request', 'mid'),
				type: 'choice',
				direction: null,
				options: [
					{ value: 'yes', label },
					{ value: 'no', label }
				]
			}
		]
	}
];
