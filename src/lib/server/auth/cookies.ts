import type { Cookies } from '@sveltejs/kit';
import { ABSOLUTE_LIFETIME_MS } from './session';

/** Staff sign in with a password; participants arrive through a personal link. Separate cookies. */
export type SessionKind = 'staff' | 'participant';

const NAMES: Record<SessionKind, string> = { staff: 'tandem_session', participant: 'tandem_link' };

/** `__Host-` binds the cookie to this exact origin, but browsers accept it only over HTTPS. */
export function sessionCookieName(url: URL, kind: SessionKind = 'staff'): string {
	return url.protocol === 'https:' ? `__Host-${NAMES[kind]}` : NAMES[kind];
}

export function setSessionCookie(
	cookies: Cookies,
	url: URL,
	token: string,
	kind: SessionKind = 'staff'
): void {
	cookies.set(sessionCookieName(url, kind), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: ABSOLUTE_LIFETIME_MS / 1000
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL, kind: SessionKind = 'staff'): void {
	cookies.delete(sessionCookieName(url, kind), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}
