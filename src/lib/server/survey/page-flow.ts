import { error, fail, redirect } from '@sveltejs/kit';
import { summarizeAnswers } from '$lib/survey/answer-summary';
import { SURVEY_FORM_ID } from '$lib/survey/form-id';
import { readPage } from '$lib/survey/page-answers';
import { getDb } from '../db';
import {
	describeStorageFailure,
	isStorageFailure,
	type StorageFailure
} from '../db/storage-failure';
import { readFormData } from '../instruments/edit-action';
import { setParticipantLanguage } from '../participants/participants';
import type { OpenSurvey } from './access';
import { loadAnswers, savePageAnswers, submitAssignment, type SaveResult } from './answers';
import { textDirection } from '$lib/i18n/locales';
import { problemMessages } from './page-messages';

const LANGUAGE_INTENT = 'language:';

/** Resume where the person stopped; a sent survey opens read-only. */
export function resumePath(survey: OpenSurvey): string {
	if (survey.assignment.status === 'submitted') return `${survey.base}/check`;
	return `${survey.base}/page/${Math.min(survey.assignment.last_page, Math.max(1, survey.pages.length))}`;
}

function pageOf(survey: OpenSurvey, param: string) {
	const number = Number(param);
	const page = Number.isInteger(number) ? survey.pages[number - 1] : undefined;
	if (!page) error(404, 'Not found');
	if (survey.assignment.status === 'submitted') redirect(303, `${survey.base}/check`);
	return { page, number };
}

export async function surveyPageData(survey: OpenSurvey, param: string) {
	const { page, number } = pageOf(survey, param);
	return {
		base: survey.base,
		page,
		pageNumber: number,
		pageCount: survey.pages.length,
		language: survey.language,
		dir: textDirection(survey.language),
		languageChoice: { languages: survey.offered, current: survey.language, form: SURVEY_FORM_ID },
		open: survey.state === 'open',
		answers: await loadAnswers(getDb(), survey.assignment.id)
	};
}

/** Checks and saves one page, then moves on (next, back, or out to finish later). Bad input saves nothing. */
export async function saveSurveyPage(request: Request, survey: OpenSurvey, param: string) {
	const { page, number } = pageOf(survey, param);
	if (survey.state !== 'open') return fail(409, { closed: true });
	const form = await readFormData(request);
	const intent = String(form.get('intent') ?? 'next');
	const switchTo = intent.startsWith(LANGUAGE_INTENT) ? intent.slice(LANGUAGE_INTENT.length) : null;
	const reading = readPage(page.questions, form, intent === 'next');
	if (Object.keys(reading.problems).length > 0) {
		return fail(400, {
			errors: problemMessages(page.questions, reading.problems),
			answers: reading.answers
		});
	}
	const multi = new Set(page.questions.filter((q) => q.type === 'multi').map((q) => q.key));
	const last = survey.pages.length;
	const resumeAt =
		intent === 'back'
			? Math.max(1, number - 1)
			: intent === 'later' || switchTo !== null
				? number
				: Math.min(number + 1, last);
	let saved: SaveResult;
	try {
		saved = await savePageAnswers(getDb(), survey.assignment.id, reading.answers, resumeAt, multi);
	} catch (error) {
		if (!isStorageFailure(error)) throw error;
		logNotStored(`page ${number}`, survey, error);
		// The page is shown again with what was typed, so nothing is lost but the moment.
		return fail(503, { notSaved: true, answers: reading.answers });
	}
	// Sent from another tab since this request began: nothing was saved, so say so.
	if (saved === 'submitted') redirect(303, `${survey.base}/check`);
	if (switchTo !== null) {
		// What was typed is kept (saved like "finish later"); the same page comes back in the new language.
		await switchSurveyLanguage(survey, switchTo);
		redirect(303, `${survey.base}/page/${number}`);
	}
	if (intent === 'later') redirect(303, `${survey.exit}?saved=1`);
	if (intent === 'back')
		redirect(303, number > 1 ? `${survey.base}/page/${number - 1}` : survey.exit);
	redirect(303, number < last ? `${survey.base}/page/${number + 1}` : `${survey.base}/check`);
}

async function summary(survey: OpenSurvey) {
	const pages = summarizeAnswers(survey.pages, await loadAnswers(getDb(), survey.assignment.id));
	return { pages, complete: pages.every((p) => p.rows.every((r) => !r.missingRequired)) };
}

export async function checkPageData(survey: OpenSurvey) {
	const { pages, complete } = await summary(survey);
	return {
		base: survey.base,
		exit: survey.exit,
		submitted: survey.assignment.status === 'submitted',
		open: survey.state === 'open',
		language: survey.language,
		dir: textDirection(survey.language),
		languageChoice: { languages: survey.offered, current: survey.language },
		pages,
		complete
	};
}

/** Idempotent: a second submit (double click, resent form) lands on the same thank-you page. */
export async function submitSurvey(survey: OpenSurvey) {
	const done = `${survey.base}/done`;
	if (survey.assignment.status === 'submitted') redirect(303, done);
	if (survey.state !== 'open') return fail(409, { closed: true });
	if (!(await summary(survey)).complete) return fail(400, { incomplete: true });
	try {
		await submitAssignment(getDb(), survey.assignment.id);
	} catch (error) {
		if (!isStorageFailure(error)) throw error;
		logNotStored('sending', survey, error);
		return fail(503, { notSent: true });
	}
	redirect(303, done);
}

/** The person's language becomes one the survey offers; any other choice changes nothing. */
async function switchSurveyLanguage(survey: OpenSurvey, language: string) {
	const participantId = survey.assignment.participant_id;
	if (!participantId || !survey.offered.includes(language)) return;
	await setParticipantLanguage(getDb(), participantId, language);
}

/** One line naming the storage's own error, so an operator sees the disk, not a rollback. */
function logNotStored(what: string, survey: OpenSurvey, error: StorageFailure) {
	console.error(
		`[tandem] survey ${what} of assignment ${survey.assignment.id} not saved: ${describeStorageFailure(error)}`
	);
}
