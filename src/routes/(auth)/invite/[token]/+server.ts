import { redirect } from '@sveltejs/kit';
import { INVITATION_COOKIE, dropLinkToken, holdLinkToken } from '$lib/server/auth/link-cookie';
import { getDb } from '$lib/server/db';
import { findInvitation } from '$lib/server/staff/invitations';

// Opening the link only looks: scanners that prefetch it do not use it up. A dead link lands
// on the same page without a token, which explains in the person's language.
export async function GET({ params, cookies, url }) {
	if (await findInvitation(getDb(), params.token)) {
		holdLinkToken(cookies, url, INVITATION_COOKIE, params.token);
	} else {
		dropLinkToken(cookies, url, INVITATION_COOKIE);
	}
	redirect(303, '/invite');
}
