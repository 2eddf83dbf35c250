import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export type FieldErrors = Record<string, string>;

/** What an action returns on bad input: messages per field and the values safe to show again. */
export interface FormProblem {
	errors: FieldErrors;
	values: Record<string, string>;
}

export type ParsedForm<T> =
	{ ok: true; data: T } | { ok: false; failure: ActionFailure<FormProblem> };

const MAX_ECHO_LENGTH = 2000;

/**
 * Reads and validates a posted form. `echo` names the fields that may be sent back so nothing
 * typed is lost (never passwords). A body that is not a form is a 400 with a message.
 */
export async function readForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	echo: readonly string[] = []
): Promise<ParsedForm<z.infer<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch (cause) {
		// The adapter's body limit: answer 413 so the error page can say "too much at once".
		if ((cause as { status?: number }).status === 413) error(413, 'Payload too large');
		return {
			ok: false,
			failure: fail(400, { errors: { form: m.error_form_unreadable() }, values: {} })
		};
	}
	// A repeated field keeps its first value, except fields named `…[]` (checkbox lists): all of them.
	const input: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
	for (const [key, value] of form) {
		if (key.endsWith('[]')) ((input[key] ??= []) as FormDataEntryValue[]).push(value);
		else if (!(key in input)) input[key] = value;
	}

	const values: Record<string, string> = {};
	for (const key of echo) {
		const value = input[key];
		if (typeof value === 'string') values[key] = value.slice(0, MAX_ECHO_LENGTH);
	}

	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };

	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { ok: false, failure: fail(400, { errors, values }) };
}

/** A failure for one field, in the same shape as validation failures. */
export function fieldFailure(
	status: number,
	field: string,
	message: string,
	values: Record<string, string> = {}
): ActionFailure<FormProblem> {
	return fail(status, { errors: { [field]: message }, values });
}
