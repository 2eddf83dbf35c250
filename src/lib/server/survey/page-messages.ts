import { m } from '$lib/paraglide/messages';
import type { SurveyQuestion } from '$lib/instruments/survey-pages';
import type { AnswerProblem } from '$lib/survey/page-answers';

/**
 * Each problem as one short sentence naming what to do and the question it is about (the GOV.UK
 * way), shown next to the question and, the same words, in the error summary.
 */
export function problemMessages(
	questions: SurveyQuestion[],
	problems: Record<string, AnswerProblem>
): Record<string, string> {
	const messages: Record<string, string> = {};
	questions.forEach((question, index) => {
		const problem = problems[question.key];
		if (problem) messages[question.key] = problemMessage(question, problem, index + 1);
	});
	return messages;
}

function problemMessage(question: SurveyQuestion, problem: AnswerProblem, number: number): string {
	const label = question.label || m.survey_question_number({ number });
	switch (problem) {
		case 'option':
			return m.survey_error_option({ label });
		case 'number':
			return m.survey_error_number({ min: question.number!.min, max: question.number!.max, label });
		case 'too_long':
			return m.survey_error_too_long({ label });
		case 'required':
			return question.type === 'multi'
				? m.survey_error_required_multi({ label })
				: question.type === 'number'
					? m.survey_error_required_number({ label })
					: question.type === 'text'
						? m.survey_error_required_text({ label })
						: m.survey_error_required_choice({ label });
	}
}
