import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireParticipant } from '$lib/server/survey/access';
import { findPairGuide } from '$lib/server/survey/conversation-guide';

export async function load(event) {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	const guide = await findPairGuide(getDb(), participant, event.params.pairId);
	if (!guide) error(404, 'Not found');
	return guide;
}
