import { m } from '$lib/paraglide/messages';
import type { SurveyQuestion } from '$lib/instruments/survey-pages';
import type { AnswerProblem } from '$lib/survey/page-answers';

/** Each problem as the words shown next to its question and in the error summary. */
export function problemMessages(
	questions: SurveyQuestion[],
	problems: Record<string, AnswerProblem>
): Record<string, string> {
	const messages: Record<string, string> = {};
	for (const question of questions) {
		const problem = problems[question.key];
		if (!problem) continue;
		messages[question.key] =
			problem === 'required'
				? m.survey_error_required()
				: problem === 'option'
					? m.survey_error_option()
					: problem === 'number'
						? m.survey_error_number({ min: question.number!.min, max: question.number!.max })
						: m.survey_error_too_long();
	}
	return messages;
}

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb']);

export function textDirection(language: string): 'rtl' | 'ltr' {
	return RTL.has(language.split('-')[0]!) ? 'rtl' : 'ltr';
}
