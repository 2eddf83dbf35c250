import type { SurveyPage } from '$lib/instruments/survey-pages';
import type { Answers } from './page-answers';

export interface SummaryRow {
	key: string;
	question: string;
	/** The answer in words; empty when not answered. */
	answer: string;
	missingRequired: boolean;
}

export interface SummaryPage {
	number: number;
	title: string;
	rows: SummaryRow[];
}

/** What the "check your answers" page lists: each question with its answer in words. */
export function summarizeAnswers(pages: SurveyPage[], answers: Answers): SummaryPage[] {
	return pages.map((page, index) => ({
		number: index + 1,
		title: page.title,
		rows: page.questions.map((question) => {
			const values = answers[question.key] ?? [];
			const labels = values.map(
				(value) => question.options.find((o) => o.value === value)?.label ?? value
			);
			const unit = question.number && values.length > 0 ? ` ${question.number.unit}` : '';
			return {
				key: question.key,
				question: question.text,
				answer: labels.join(', ') + unit,
				missingRequired: question.required && values.length === 0
			};
		})
	}));
}
