import type { RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db';
import { setSessionCookie } from './cookies';
import { createStaffSession } from './session';

/** Signs a staff member in on this response: a fresh session, its cookie. */
export async function startStaffSession(
	db: Db,
	event: RequestEvent,
	staffId: string
): Promise<void> {
	const { token } = await createStaffSession(db, staffId, {
		ip: event.getClientAddress(),
		userAgent: event.request.headers.get('user-agent')
	});
	setSessionCookie(event.cookies, event.url, token);
}
