import { error, redirect } from '@sveltejs/kit';
import { SETUP_COOKIE, holdLinkToken } from '$lib/server/auth/link-cookie';
import { getDb } from '$lib/server/db';
import { isSetupLinkUsable } from '$lib/server/organizations/setup';

// Opening the link only looks: scanners that prefetch it do not use it up.
export async function GET({ params, cookies, url }) {
	if (!(await isSetupLinkUsable(getDb(), params.token))) error(410, 'Link no longer works');
	holdLinkToken(cookies, url, SETUP_COOKIE, params.token);
	redirect(303, '/setup');
}
