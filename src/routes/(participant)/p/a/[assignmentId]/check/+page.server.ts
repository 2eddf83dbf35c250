import { fail, redirect } from '@sveltejs/kit';
import { summarizeAnswers } from '$lib/survey/answer-summary';
import { getDb } from '$lib/server/db';
import { requireOwnSurvey } from '$lib/server/survey/access';
import { loadAnswers, submitAssignment } from '$lib/server/survey/answers';
import { textDirection } from '$lib/server/survey/page-messages';

async function summary(event: Parameters<typeof requireOwnSurvey>[0]) {
	const survey = await requireOwnSurvey(event);
	const pages = summarizeAnswers(survey.pages, await loadAnswers(getDb(), survey.assignment.id));
	return { survey, pages, complete: pages.every((p) => p.rows.every((r) => !r.missingRequired)) };
}

export async function load(event) {
	const { survey, pages, complete } = await summary(event);
	return {
		assignmentId: survey.assignment.id,
		submitted: survey.assignment.status === 'submitted',
		open: survey.state === 'open',
		language: survey.language,
		dir: textDirection(survey.language),
		pages,
		complete
	};
}

export const actions = {
	default: async (event) => {
		const { survey, complete } = await summary(event);
		const done = `/p/a/${survey.assignment.id}/done`;
		if (survey.assignment.status === 'submitted') redirect(303, done);
		if (survey.state !== 'open') return fail(409, { closed: true });
		if (!complete) return fail(400, { incomplete: true });
		await submitAssignment(getDb(), survey.assignment.id);
		redirect(303, done);
	}
};
