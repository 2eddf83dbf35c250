import { redirect } from '@sveltejs/kit';
import { requireOwnSurvey } from '$lib/server/survey/access';

/** Resume where the person stopped; a sent survey opens read-only. */
export async function load(event) {
	const { assignment, pages } = await requireOwnSurvey(event);
	const base = `/p/a/${assignment.id}`;
	if (assignment.status === 'submitted') redirect(303, `${base}/check`);
	redirect(303, `${base}/page/${Math.min(assignment.last_page, Math.max(1, pages.length))}`);
}
