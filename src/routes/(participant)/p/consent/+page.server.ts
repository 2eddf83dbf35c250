import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { recordConsent } from '$lib/server/survey/answers';
import { requireParticipant } from '$lib/server/survey/access';

export function load(event) {
	const participant = requireParticipant(event);
	if (participant.consented_at) redirect(303, '/p');
}

export const actions = {
	default: async (event) => {
		const participant = requireParticipant(event);
		await recordConsent(getDb(), participant.id);
		redirect(303, '/p');
	}
};
