import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { startStaffSession } from '$lib/server/auth/start-session';
import { getDb } from '$lib/server/db';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { setupSchema } from '$lib/server/forms/schemas';
import { completeSetup, isSetupLinkUsable } from '$lib/server/organizations/setup';

const ECHO = ['organizationName', 'name', 'email'];

// GET only looks: link scanners that prefetch the URL must not use the link up.
export async function load({ params }) {
	if (!(await isSetupLinkUsable(getDb(), params.token))) error(410, 'Link no longer works');
}

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request, setupSchema, ECHO);
		if (!form.ok) return form.failure;
		const { organizationName, name, email, password } = form.data;
		const db = getDb();
		const result = await completeSetup(
			db,
			event.params.token,
			{ organizationName, adminName: name, email, password },
			event.getClientAddress()
		);
		if (!result.ok && result.reason === 'link_unusable') error(410, 'Link no longer works');
		if (!result.ok)
			return fieldFailure(400, 'email', m.error_email_taken(), { organizationName, name, email });
		await startStaffSession(db, event, result.staffId);
		redirect(303, '/');
	}
};
