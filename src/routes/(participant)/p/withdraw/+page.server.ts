import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { getDb } from '$lib/server/db';
import { withdrawSelf } from '$lib/server/privacy/self-withdrawal';
import { requireParticipant } from '$lib/server/survey/access';

export function load(event) {
	requireParticipant(event);
}

export const actions = {
	default: async (event) => {
		const participant = requireParticipant(event);
		await withdrawSelf(getDb(), participant);
		deleteSessionCookie(event.cookies, event.url, 'participant');
		redirect(303, '/p/withdraw/done');
	}
};
