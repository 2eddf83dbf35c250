import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { answerFollowUp, findOwnFollowUp } from '$lib/server/outcomes/follow-up-answers';
import { requireParticipant } from '$lib/server/survey/access';

async function ownFollowUp(event: RequestEvent<{ followUpId: string }>) {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	const followUp = await findOwnFollowUp(getDb(), participant.id, event.params.followUpId);
	if (!followUp) error(404, 'Not found');
	return followUp;
}

export async function load(event) {
	const followUp = await ownFollowUp(event);
	return {
		partnerName: followUp.partnerName,
		role: followUp.role,
		answered: followUp.answered_at !== null
	};
}

export const actions = {
	default: async (event) => {
		const followUp = await ownFollowUp(event);
		if (followUp.answered_at !== null) redirect(303, '/p');
		const problems = await answerFollowUp(getDb(), followUp, await event.request.formData());
		if (problems) return fail(400, problems);
		redirect(303, '/p?followed-up');
	}
};
