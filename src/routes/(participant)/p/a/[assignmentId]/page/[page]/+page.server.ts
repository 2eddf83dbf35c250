import { error, fail, redirect } from '@sveltejs/kit';
import { readPage } from '$lib/survey/page-answers';
import { getDb } from '$lib/server/db';
import { readFormData } from '$lib/server/instruments/edit-action';
import { requireOwnSurvey } from '$lib/server/survey/access';
import { loadAnswers, savePageAnswers } from '$lib/server/survey/answers';
import { problemMessages, textDirection } from '$lib/server/survey/page-messages';

async function requirePage(
	event: Parameters<typeof requireOwnSurvey>[0] & { params: { page: string } }
) {
	const survey = await requireOwnSurvey(event);
	const number = Number(event.params.page);
	const page = Number.isInteger(number) ? survey.pages[number - 1] : undefined;
	if (!page) error(404, 'Not found');
	if (survey.assignment.status === 'submitted') redirect(303, `/p/a/${survey.assignment.id}/check`);
	return { ...survey, page, number };
}

export async function load(event) {
	const { assignment, page, number, pages, language, state } = await requirePage(event);
	return {
		assignmentId: assignment.id,
		page,
		pageNumber: number,
		pageCount: pages.length,
		language,
		dir: textDirection(language),
		open: state === 'open',
		answers: await loadAnswers(getDb(), assignment.id)
	};
}

export const actions = {
	default: async (event) => {
		const { assignment, page, number, pages, state } = await requirePage(event);
		if (state !== 'open') return fail(409, { closed: true });
		const form = await readFormData(event.request);
		const intent = String(form.get('intent') ?? 'next');
		const reading = readPage(page.questions, form, intent === 'next');
		if (Object.keys(reading.problems).length > 0) {
			return fail(400, {
				errors: problemMessages(page.questions, reading.problems),
				answers: reading.answers
			});
		}
		const multi = new Set(page.questions.filter((q) => q.type === 'multi').map((q) => q.key));
		const nextPage =
			intent === 'back'
				? Math.max(1, number - 1)
				: intent === 'later'
					? number
					: Math.min(number + 1, pages.length);
		await savePageAnswers(getDb(), assignment.id, reading.answers, nextPage, multi);
		const base = `/p/a/${assignment.id}`;
		if (intent === 'later') redirect(303, '/p?saved=1');
		if (intent === 'back') redirect(303, number > 1 ? `${base}/page/${number - 1}` : '/p');
		redirect(303, number < pages.length ? `${base}/page/${number + 1}` : `${base}/check`);
	}
};
