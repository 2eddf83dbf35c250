import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import {
	endOtherOwnSessions,
	endOwnSession,
	listActiveSessions
} from '$lib/server/auth/staff-sessions';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { readForm } from '$lib/server/forms/read-form';
import { sessionIdSchema } from '$lib/server/forms/security-schemas';

export async function load(event) {
	const staff = requireStaff(event);
	return { sessions: await listActiveSessions(getDb(), staff.id, event.locals.session!.id) };
}

export const actions = {
	end: async (event) => {
		const staff = requireStaff(event);
		const form = await readForm(event.request, sessionIdSchema);
		const ended =
			form.ok &&
			(await endOwnSession(
				getDb(),
				staff,
				form.data.sessionId,
				event.locals.session!.id,
				event.getClientAddress()
			));
		if (!ended) error(404, 'Not found');
		redirectWithFlash(event.cookies, '/account/sessions', { kind: 'session_ended' });
	},

	endOthers: async (event) => {
		const staff = requireStaff(event);
		await endOtherOwnSessions(getDb(), staff, event.locals.session!.id, event.getClientAddress());
		redirectWithFlash(event.cookies, '/account/sessions', { kind: 'other_sessions_ended' });
	}
};
