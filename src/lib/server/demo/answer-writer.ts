import type { Db } from '../db';
import type { InstrumentDocument, Role } from '$lib/instruments/types';
import { surveyPages } from '$lib/instruments/survey-pages';
import { readPage, type Answers } from '$lib/survey/page-answers';
import { recordConsent, savePageAnswers, submitAssignment } from '../survey/answers';

export interface Submission {
	assignmentId: string;
	/** Null for staff, who answer from their login and give no consent. */
	participantId: string | null;
	role: Role;
	wave: 'pre' | 'mid';
	language: string;
	answers: Answers;
	/** When the person opened the survey. */
	startedAt: number;
}

const PAGE_TIME = 100_000;

/**
 * Sends one survey the way a person does: consent, then each page read and checked like a posted
 * form and saved, then submit. An answer the survey would refuse stops the seeding.
 */
export async function submitSurvey(
	db: Db,
	document: InstrumentDocument,
	submission: Submission
): Promise<void> {
	const { assignmentId, role, wave, language, answers } = submission;
	if (submission.participantId)
		await recordConsent(db, submission.participantId, submission.startedAt);
	const pages = surveyPages(document, role, wave, language);
	let at = submission.startedAt;
	for (const [index, page] of pages.entries()) {
		const form = new FormData();
		for (const question of page.questions)
			for (const value of answers[question.key] ?? []) form.append(question.key, value);
		const reading = readPage(page.questions, form, true);
		const problems = Object.entries(reading.problems);
		if (problems.length > 0)
			throw new Error(`Demo ${role} ${wave} answers refused: ${JSON.stringify(problems)}`);
		const multi = new Set(page.questions.filter((q) => q.type === 'multi').map((q) => q.key));
		at += PAGE_TIME;
		const resumeAt = Math.min(index + 2, pages.length);
		await savePageAnswers(db, assignmentId, reading.answers, resumeAt, multi, at);
	}
	await submitAssignment(db, assignmentId, at + PAGE_TIME);
}
