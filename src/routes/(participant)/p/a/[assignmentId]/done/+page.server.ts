import { redirect } from '@sveltejs/kit';
import { requireOwnSurvey } from '$lib/server/survey/access';

export async function load(event) {
	const { assignment } = await requireOwnSurvey(event);
	if (assignment.status !== 'submitted') redirect(303, `/p/a/${assignment.id}`);
}
