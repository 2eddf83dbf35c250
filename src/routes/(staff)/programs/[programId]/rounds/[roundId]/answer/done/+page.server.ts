import { redirect } from '@sveltejs/kit';
import { requireStaffSurvey } from '$lib/server/survey/access';

export async function load(event) {
	const survey = await requireStaffSurvey(event);
	if (survey.assignment.status !== 'submitted') redirect(303, survey.base);
	return { exit: survey.exit };
}
