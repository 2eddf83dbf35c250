import type { Cookies } from '@sveltejs/kit';
import { ABSOLUTE_LIFETIME_MS } from './session';

/** `__Host-` binds the cookie to this exact origin, but browsers accept it only over HTTPS. */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-tandem_session' : 'tandem_session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: ABSOLUTE_LIFETIME_MS / 1000
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}
