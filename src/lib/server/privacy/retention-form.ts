import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export const MAX_RETENTION_MONTHS = 120;

/** Empty keeps participants until erased by hand; otherwise whole months, 1 to 120. */
export const retentionSchema = z.object({
	months: z
		.string({ error: () => m.privacy_error_months() })
		.trim()
		.max(4, { error: () => m.privacy_error_months() })
		.regex(/^\d*$/, { error: () => m.privacy_error_months() })
		.transform((value) => (value === '' ? null : Number(value)))
		.refine((months) => months === null || (months >= 1 && months <= MAX_RETENTION_MONTHS), {
			error: () => m.privacy_error_months()
		})
});
