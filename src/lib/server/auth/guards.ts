import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { StaffUserRow } from '../db/schema';

/**
 * The signed-in staff member, or a redirect to sign in (coming back here afterwards). A
 * participant signed in through their personal link gets a 404: staff pages do not exist for them.
 */
export function requireStaff(event: Pick<RequestEvent, 'locals' | 'url'>): StaffUserRow {
	const staff = event.locals.staff;
	if (!staff) {
		if (event.locals.participant) error(404, 'Not found');
		const back = event.url.pathname + event.url.search;
		redirect(303, `/signin?redirectTo=${encodeURIComponent(back)}`);
	}
	return staff;
}

/** Administrators only; others get the same 404 as for a page that does not exist. */
export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): StaffUserRow {
	const staff = requireStaff(event);
	if (staff.role !== 'admin') error(404, 'Not found');
	return staff;
}

/**
 * Control characters (browsers strip tabs and newlines from URLs, so `/<TAB>/evil.example` becomes
 * `//evil.example`), Unicode line breaks, and backslashes (read as slashes): raw or encoded.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this rejects
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/;
const OWN_ORIGIN = 'https://tandem.invalid';

/**
 * Only same-site paths: never send someone to another origin after sign-in. The path must start
 * with one slash, hold no control character or backslash (raw or percent-encoded), not start
 * with two slashes once decoded, and resolve against the app's own origin to that origin;
 * anything else gives `fallback`.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || UNSAFE_IN_PATH.test(value)) return fallback;
	let decoded: string;
	try {
		decoded = decodeURIComponent(value);
	} catch {
		return fallback;
	}
	if (UNSAFE_IN_PATH.test(decoded) || decoded.startsWith('//')) {
		return fallback;
	}
	const url = new URL(value, OWN_ORIGIN);
	if (url.origin !== OWN_ORIGIN) return fallback;
	return url.pathname + url.search + url.hash;
}
