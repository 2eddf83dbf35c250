import { redirect } from '@sveltejs/kit';
import { SETUP_COOKIE, dropLinkToken, holdLinkToken } from '$lib/server/auth/link-cookie';
import { getDb } from '$lib/server/db';
import { isSetupLinkUsable } from '$lib/server/organizations/setup';

// Opening the link only looks: scanners that prefetch it do not use it up. A dead link lands
// on the same page without a token, which explains in the person's language.
export async function GET({ params, cookies, url }) {
	if (await isSetupLinkUsable(getDb(), params.token)) {
		holdLinkToken(cookies, url, SETUP_COOKIE, params.token);
	} else {
		dropLinkToken(cookies, url, SETUP_COOKIE);
	}
	redirect(303, '/setup');
}
