import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { SETUP_COOKIE, dropLinkToken, heldLinkToken } from '$lib/server/auth/link-cookie';
import { startStaffSession } from '$lib/server/auth/start-session';
import { getDb } from '$lib/server/db';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { joinSetupSchema, setupSchema } from '$lib/server/forms/schemas';
import { completeSetup, setupLinkTarget } from '$lib/server/organizations/setup';
import { DEFAULT_TIME_ZONE, timeZoneNames } from '$lib/time/zones';

const ECHO = ['organizationName', 'name', 'email', 'timeZone'];

export async function load({ cookies }) {
	const target = await setupLinkTarget(getDb(), heldLinkToken(cookies, SETUP_COOKIE));
	if (!target) error(410, 'Link no longer works');
	return {
		zones: timeZoneNames(),
		defaultZone: DEFAULT_TIME_ZONE,
		organizationName: target.organizationName
	};
}

/** A link for an organization the operator created and named asks only for the person. */
async function readSetupForm(request: Request, organizationName: string | null) {
	if (!organizationName) return readForm(request, setupSchema, ECHO);
	const form = await readForm(request, joinSetupSchema, ECHO);
	return form.ok ? { ok: true as const, data: { ...form.data, organizationName } } : form;
}

export const actions = {
	default: async (event) => {
		const db = getDb();
		const token = heldLinkToken(event.cookies, SETUP_COOKIE);
		const target = await setupLinkTarget(db, token);
		if (!target) error(410, 'Link no longer works');
		const form = await readSetupForm(event.request, target.organizationName);
		if (!form.ok) return form.failure;
		const { organizationName, name, email, password, timeZone } = form.data;
		const result = await completeSetup(
			db,
			token,
			{ organizationName, adminName: name, email, password, timeZone },
			event.getClientAddress()
		);
		if (!result.ok && result.reason === 'link_unusable') error(410, 'Link no longer works');
		if (!result.ok) {
			return fieldFailure(400, 'email', m.error_email_taken(), {
				organizationName,
				name,
				email,
				timeZone
			});
		}
		dropLinkToken(event.cookies, event.url, SETUP_COOKIE);
		await startStaffSession(db, event, result.staffId);
		redirect(303, '/');
	}
};
