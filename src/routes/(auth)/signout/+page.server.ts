import { redirect } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit/audit';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ locals, cookies, url, getClientAddress }) => {
		// A session still waiting for its authenticator code can be ended too.
		const session = locals.session ?? locals.pendingSignIn?.session;
		const staff = locals.staff ?? locals.pendingSignIn?.staff;
		if (session) {
			const db = getDb();
			await invalidateSession(db, session.id);
			await recordAudit(db, {
				organizationId: staff?.organization_id ?? null,
				actorStaffId: staff?.id ?? null,
				action: 'signout',
				ip: getClientAddress()
			});
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/signin?signedOut=1');
	}
};
