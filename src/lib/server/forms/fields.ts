import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { isValidTimeZone } from '$lib/time/zones';
import { findPasswordProblem, type PasswordProblem } from '../auth/password-policy';

/** Required single-line text, trimmed, with a message for empty and for too long. */
export function requiredText(whenEmpty: () => string, max = 200) {
	return z
		.string({ error: whenEmpty })
		.trim()
		.min(1, { error: whenEmpty })
		.max(max, { error: () => m.error_too_long({ max }) });
}

export const emailField = z
	.string({ error: () => m.error_email_required() })
	.trim()
	.min(1, { error: () => m.error_email_required() })
	.max(254, { error: () => m.error_too_long({ max: 254 }) })
	.regex(z.regexes.email, { error: () => m.error_email_invalid() })
	.transform((email) => email.toLowerCase());

const passwordMessages: Record<PasswordProblem, () => string> = {
	too_short: () => m.error_password_too_short(),
	too_long: () => m.error_password_too_long(),
	too_common: () => m.error_password_too_common()
};

/** A password someone is choosing: length limits and not one of the most common passwords. */
export const newPasswordField = z
	.string({ error: () => m.error_password_too_short() })
	.check((ctx) => {
		const problem = findPasswordProblem(ctx.value);
		if (problem)
			ctx.issues.push({ code: 'custom', input: ctx.value, message: passwordMessages[problem]() });
	});

/** A password someone is typing to prove who they are: only "was something typed". */
export const existingPasswordField = z
	.string({ error: () => m.error_password_required() })
	.min(1, { error: () => m.error_password_required() })
	.max(1024, { error: () => m.error_password_required() });

export const staffRoleField = z.enum(['admin', 'coordinator'], {
	error: () => m.error_role_invalid()
});

/** Adds "the two passwords differ" to a schema with `password` and `confirm`. */
export function withConfirmedPassword<T extends { password: string; confirm: string }>(
	schema: z.ZodType<T>
) {
	return schema.refine((data) => data.password === data.confirm, {
		path: ['confirm'],
		error: () => m.error_password_mismatch()
	});
}

/** An IANA time zone name this server knows ("America/Toronto"). */
export const timeZoneField = z
	.string({ error: () => m.error_time_zone_invalid() })
	.trim()
	.refine(isValidTimeZone, { error: () => m.error_time_zone_invalid() });
