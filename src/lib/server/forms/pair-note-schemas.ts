import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requiredText } from './fields';

export const pairNoteSchema = z.object({
	body: requiredText(() => m.error_note_required(), 4000)
});

/** `assigneeIds`: the organization's active staff, the only people a follow-up can go to. */
export function followUpSchema(assigneeIds: readonly string[]) {
	return z.object({
		what: requiredText(() => m.error_follow_up_what_required(), 300),
		assigneeId: z
			.string()
			.optional()
			.transform((value) => value || null)
			.refine((id) => id === null || assigneeIds.includes(id), {
				error: () => m.error_follow_up_assignee()
			}),
		dueOn: z
			.string()
			.trim()
			.optional()
			.transform((value) => value || null)
			.refine((value) => value === null || z.iso.date().safeParse(value).success, {
				error: () => m.error_date_invalid()
			})
	});
}

export const followUpDoneSchema = z.object({
	followUpId: z.string().min(1).max(64),
	done: z.enum(['true', 'false']).transform((value) => value === 'true')
});
