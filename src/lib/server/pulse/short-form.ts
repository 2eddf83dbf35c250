import type { z } from 'zod';

/** What was sent, to show again beside the problems, and a problem per question left out. */
export interface ShortFormProblems {
	values: Record<string, string>;
	errors: Record<string, string>;
}

/**
 * Reads the answers of a short participant form (a check-in, an exit survey): every question
 * as sent, then checked; an empty answer counts as none.
 */
export function readShortForm<Schema extends z.ZodType>(
	data: FormData,
	names: readonly string[],
	schema: Schema
): { ok: true; answers: z.output<Schema> } | ({ ok: false } & ShortFormProblems) {
	const values = Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? '')]));
	const parsed = schema.safeParse(
		Object.fromEntries(names.map((name) => [name, values[name] || undefined]))
	);
	if (parsed.success) return { ok: true, answers: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
	return { ok: false, values, errors };
}
