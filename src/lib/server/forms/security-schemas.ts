import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { normalizeRecoveryCode } from '../auth/recovery-codes';
import { existingPasswordField } from './fields';

const redirectTo = z.string().max(2000).optional();

/** Six digits; spaces people type between groups are allowed. */
const totpCodeField = z
	.string({ error: () => m.error_totp_code_format() })
	.refine((value) => /^\d{6}$/.test(value.replace(/\s/g, '')), {
		error: () => m.error_totp_code_format()
	});

export const totpCodeSchema = z.object({ code: totpCodeField, redirectTo });

export const recoveryCodeSchema = z.object({
	recoveryCode: z
		.string({ error: () => m.error_recovery_code_format() })
		.refine((value) => normalizeRecoveryCode(value) !== null, {
			error: () => m.error_recovery_code_format()
		}),
	redirectTo
});

export const turnOffTwoFactorSchema = z.object({ password: existingPasswordField });

export const sessionIdSchema = z.object({ sessionId: z.string().min(1).max(64) });

/** A checkbox people tick to confirm something that cannot be undone. */
export const confirmationSchema = z.object({
	confirm: z.literal('yes', { error: () => m.error_confirm_required() })
});

export const securitySettingsSchema = z.object({
	requireTwoFactor: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on')
});
