import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { answerExitSurvey, findOwnExitSurvey } from '$lib/server/pulse/exit-surveys';
import { requireParticipant } from '$lib/server/survey/access';

async function ownExitSurvey(event: RequestEvent<{ exitSurveyId: string }>) {
	const participant = requireParticipant(event);
	if (!participant.consented_at) redirect(303, '/p/consent');
	const survey = await findOwnExitSurvey(getDb(), participant.id, event.params.exitSurveyId);
	if (!survey) error(404, 'Not found');
	return survey;
}

export async function load(event) {
	const survey = await ownExitSurvey(event);
	return { partnerName: survey.partnerName, answered: survey.answered_at !== null };
}

export const actions = {
	default: async (event) => {
		const survey = await ownExitSurvey(event);
		if (survey.answered_at !== null) redirect(303, '/p');
		const problems = await answerExitSurvey(getDb(), survey, await event.request.formData());
		if (problems) return fail(400, problems);
		redirect(303, '/p?exit-sent');
	}
};
