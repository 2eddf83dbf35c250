import { error, redirect } from '@sveltejs/kit';
import { INVITATION_COOKIE, holdLinkToken } from '$lib/server/auth/link-cookie';
import { getDb } from '$lib/server/db';
import { findInvitation } from '$lib/server/staff/invitations';

// Opening the link only looks: scanners that prefetch it do not use it up.
export async function GET({ params, cookies, url }) {
	if (!(await findInvitation(getDb(), params.token))) error(410, 'Link no longer works');
	holdLinkToken(cookies, url, INVITATION_COOKIE, params.token);
	redirect(303, '/invite');
}
