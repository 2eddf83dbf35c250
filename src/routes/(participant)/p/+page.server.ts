import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireParticipant } from '$lib/server/survey/access';
import { participantAssignments } from '$lib/server/survey/assignments';
import { listGuideLinks } from '$lib/server/survey/conversation-guide';

export async function load(event) {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	const db = getDb();
	const [surveys, guides] = await Promise.all([
		participantAssignments(db, participant),
		listGuideLinks(db, participant)
	]);
	return {
		name: participant.name,
		surveys,
		guides,
		savedForLater: event.url.searchParams.has('saved')
	};
}
