import { redirect } from '@sveltejs/kit';
import { cookieName } from '$lib/paraglide/runtime';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { redeemParticipantLink } from '$lib/server/auth/participant-links';
import { createParticipantSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';

// The token leaves the address bar at once: the person lands on /p with a session cookie.
export async function GET({ params, cookies, url, request, getClientAddress }) {
	const db = getDb();
	const redeemed = await redeemParticipantLink(db, params.token);
	if (!redeemed) redirect(303, '/p/no-link');
	const { participant, linkId } = redeemed;
	const { token } = await createParticipantSession(
		db,
		{ participantId: participant.id, linkId },
		{ ip: getClientAddress(), userAgent: request.headers.get('user-agent') }
	);
	setSessionCookie(cookies, url, token, 'participant');
	if (!cookies.get(cookieName)) {
		cookies.set(cookieName, participant.language, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 365 * 24 * 3600
		});
	}
	redirect(303, '/p');
}
