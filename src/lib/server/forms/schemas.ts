import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { DEFAULT_TIME_ZONE } from '$lib/time/zones';
import {
	emailField,
	existingPasswordField,
	newPasswordField,
	requiredText,
	staffRoleField,
	timeZoneField,
	withConfirmedPassword
} from './fields';

export const signInSchema = z.object({
	email: emailField,
	password: existingPasswordField,
	redirectTo: z.string().max(2000).optional()
});

const setupFields = z.object({
	organizationName: requiredText(() => m.error_org_name_required()),
	name: requiredText(() => m.error_name_required()),
	email: emailField,
	// A form sent without the field (no browser) gets the default; a wrong name gets a message.
	timeZone: timeZoneField.default(DEFAULT_TIME_ZONE),
	password: newPasswordField,
	confirm: z.string({ error: () => m.error_password_mismatch() })
});

export const setupSchema = withConfirmedPassword(setupFields);

/** Setting up an organization the operator already created and named. */
export const joinSetupSchema = withConfirmedPassword(setupFields.omit({ organizationName: true }));

export const timeZoneSchema = z.object({ timeZone: timeZoneField });

export const acceptInvitationSchema = withConfirmedPassword(
	z.object({
		name: requiredText(() => m.error_name_required()),
		password: newPasswordField,
		confirm: z.string({ error: () => m.error_password_mismatch() })
	})
);

export const inviteSchema = z.object({
	name: requiredText(() => m.error_name_required()),
	email: emailField,
	role: staffRoleField
});

export const staffIdSchema = z.object({ staffId: z.string().min(1).max(64) });

export const changeRoleSchema = staffIdSchema.extend({ role: staffRoleField });

export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(64) });

export const changePasswordSchema = withConfirmedPassword(
	z.object({
		current: existingPasswordField,
		password: newPasswordField,
		confirm: z.string({ error: () => m.error_password_mismatch() })
	})
);

export const languageSchema = z.object({
	language: z.string().trim().min(2).max(35),
	redirectTo: z.string().max(2000).optional()
});
