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

/** Only same-site paths: never send someone to another origin after sign-in. */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	return value;
}
