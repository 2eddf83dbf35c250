import { redirect } from '@sveltejs/kit';
import { requireOwnSurvey } from '$lib/server/survey/access';
import { resumePath } from '$lib/server/survey/page-flow';

export async function load(event) {
	redirect(303, resumePath(await requireOwnSurvey(event)));
}
