import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { SETUP_COOKIE, dropLinkToken, heldLinkToken } from '$lib/server/auth/link-cookie';
import { startStaffSession } from '$lib/server/auth/start-session';
import { getDb } from '$lib/server/db';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { setupSchema } from '$lib/server/forms/schemas';
import { completeSetup, isSetupLinkUsable } from '$lib/server/organizations/setup';
import { DEFAULT_TIME_ZONE, timeZoneNames } from '$lib/time/zones';

const ECHO = ['organizationName', 'name', 'email', 'timeZone'];

export async function load({ cookies }) {
	if (!(await isSetupLinkUsable(getDb(), heldLinkToken(cookies, SETUP_COOKIE)))) {
		error(410, 'Link no longer works');
	}
	return { zones: timeZoneNames(), defaultZone: DEFAULT_TIME_ZONE };
}

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request, setupSchema, ECHO);
		if (!form.ok) return form.failure;
		const { organizationName, name, email, password, timeZone } = form.data;
		const db = getDb();
		const result = await completeSetup(
			db,
			heldLinkToken(event.cookies, SETUP_COOKIE),
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
