import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireParticipant } from '$lib/server/survey/access';
import { participantAssignments } from '$lib/server/survey/assignments';

export async function load(event) {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	return {
		name: participant.name,
		surveys: await participantAssignments(getDb(), participant),
		savedForLater: event.url.searchParams.has('saved')
	};
}
