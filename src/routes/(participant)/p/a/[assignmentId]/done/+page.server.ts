import { redirect } from '@sveltejs/kit';
import { requireOwnSurvey } from '$lib/server/survey/access';

export async function load(event) {
	const survey = await requireOwnSurvey(event);
	if (survey.assignment.status !== 'submitted') redirect(303, survey.base);
	return { exit: survey.exit };
}
