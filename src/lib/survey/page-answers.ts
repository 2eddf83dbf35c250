import type { SurveyQuestion } from '$lib/instruments/survey-pages';

export const MAX_TEXT_ANSWER = 4000;

/** Answers by item key; each is the list of chosen values (one for all but `multi`). */
export type Answers = Record<string, string[]>;

export type AnswerProblem = 'required' | 'option' | 'number' | 'too_long';

export interface PageReading {
	/** What to store: an empty list means "no answer", and clears a stored one. */
	answers: Answers;
	problems: Record<string, AnswerProblem>;
}

/** Decimal numbers as people type them: "2.5" or "2,5". */
export function parseNumber(text: string): number | null {
	const normalized = text.trim().replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
	return Number(normalized);
}

/**
 * Reads one survey page from posted fields. Every value is checked against the question
 * (known options, bounds, length); `requireAnswers` adds "this needs an answer" for required
 * questions, which moving back or saving for later skips.
 */
export function readPage(
	questions: SurveyQuestion[],
	form: FormData,
	requireAnswers: boolean
): PageReading {
	const answers: Answers = {};
	const problems: Record<string, AnswerProblem> = {};
	for (const question of questions) {
		const raw = form.getAll(question.key).map((v) => (typeof v === 'string' ? v : ''));
		const given = raw
			.map((v) => (question.type === 'text' ? v : v.trim()))
			.filter((v) => v.trim() !== '');
		const values = question.type === 'multi' ? [...new Set(given)] : given.slice(0, 1);
		answers[question.key] = values;

		if (values.length === 0) {
			if (requireAnswers && question.required) problems[question.key] = 'required';
			continue;
		}
		if (question.options.length > 0) {
			const allowed = new Set(question.options.map((o) => o.value));
			if (values.some((v) => !allowed.has(v)) || (question.type !== 'multi' && given.length > 1))
				problems[question.key] = 'option';
		} else if (question.type === 'number') {
			const number = parseNumber(values[0]!);
			const bounds = question.number!;
			if (number === null || number < bounds.min || number > bounds.max)
				problems[question.key] = 'number';
			else answers[question.key] = [String(number)];
		} else if (values[0]!.length > MAX_TEXT_ANSWER) {
			problems[question.key] = 'too_long';
		}
	}
	return { answers, problems };
}
