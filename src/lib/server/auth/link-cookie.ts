import type { Cookies } from '@sveltejs/kit';

/**
 * A one-time link is opened, its token moves into a short-lived cookie, and the browser lands
 * on the same page without the token in the address. The token then never reaches history,
 * Referer headers or screenshots, and the form can keep a normal referrer policy (a
 * `no-referrer` page makes browsers send `Origin: null`, which fails the CSRF check).
 */
export interface LinkCookie {
	name: string;
	path: string;
}

export const SETUP_COOKIE: LinkCookie = { name: 'tandem_setup', path: '/setup' };
export const INVITATION_COOKIE: LinkCookie = { name: 'tandem_invitation', path: '/invite' };

const HOLD_SECONDS = 60 * 60;

export function holdLinkToken(cookies: Cookies, url: URL, cookie: LinkCookie, token: string): void {
	cookies.set(cookie.name, token, {
		path: cookie.path,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: HOLD_SECONDS
	});
}

export function heldLinkToken(cookies: Cookies, cookie: LinkCookie): string {
	return cookies.get(cookie.name) ?? '';
}

export function dropLinkToken(cookies: Cookies, url: URL, cookie: LinkCookie): void {
	cookies.delete(cookie.name, { path: cookie.path, secure: url.protocol === 'https:' });
}
