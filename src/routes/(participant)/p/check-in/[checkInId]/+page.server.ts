import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { answerCheckIn, findOwnCheckIn } from '$lib/server/pulse/check-in-answers';
import { requireParticipant } from '$lib/server/survey/access';

async function ownCheckIn(event: RequestEvent<{ checkInId: string }>) {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	const checkIn = await findOwnCheckIn(getDb(), participant.id, event.params.checkInId);
	if (!checkIn) error(404, 'Not found');
	return checkIn;
}

export async function load(event) {
	const checkIn = await ownCheckIn(event);
	return {
		partnerName: checkIn.partnerName,
		answered: checkIn.answered_at !== null,
		open: checkIn.pairStatus === 'active'
	};
}

export const actions = {
	default: async (event) => {
		const checkIn = await ownCheckIn(event);
		if (checkIn.answered_at !== null || checkIn.pairStatus !== 'active') redirect(303, '/p');
		const problems = await answerCheckIn(getDb(), checkIn, await event.request.formData());
		if (problems) return fail(400, problems);
		redirect(303, '/p?checked-in');
	}
};
