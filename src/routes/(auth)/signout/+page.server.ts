import { redirect } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit/audit';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ locals, cookies, url, getClientAddress }) => {
		if (locals.session) {
			const db = getDb();
			await invalidateSession(db, locals.session.id);
			await recordAudit(db, {
				organizationId: locals.staff?.organization_id ?? null,
				actorStaffId: locals.staff?.id ?? null,
				action: 'signout',
				ip: getClientAddress()
			});
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/signin?signedOut=1');
	}
};
