import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export const eraseSchema = z.object({
	mode: z.enum(['anonymise', 'delete'], { error: () => m.privacy_error_mode() }),
	confirmName: z
		.string()
		.max(300)
		.optional()
		.transform((value) => value ?? '')
});

/** Typed names match whatever the case, accents or spacing: the point is a deliberate act. */
export function sameName(typed: string, name: string): boolean {
	const plain = (text: string) =>
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/\s+/g, ' ')
			.trim();
	return plain(typed) !== '' && plain(typed) === plain(name);
}
