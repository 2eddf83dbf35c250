import type { Answers } from '../../src/lib/survey/page-answers';

/** One question as the page's form renders it. */
export interface FormQuestion {
	name: string;
	kind: 'radio' | 'checkbox' | 'number' | 'text';
	values: string[];
}

const attributes = (tag: string) =>
	Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

const unescape = (value: string) =>
	value
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&');

/** The questions of a survey page, read from its HTML the way a browser sees the form. */
export function readSurveyForm(html: string): FormQuestion[] {
	// The page's own form posts to the page itself; the language switch has an action.
	const form = html.match(/<form method="POST"(?![^>]*action=)[\s\S]*?<\/form>/)?.[0] ?? '';
	const questions = new Map<string, FormQuestion>();
	for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
		const { name, type, value, inputmode } = attributes(tag);
		if (!name) continue;
		const kind = type === 'radio' || type === 'checkbox' ? type : inputmode ? 'number' : 'text';
		const question = questions.get(name) ?? { name, kind, values: [] };
		if (value !== undefined && kind !== 'number') question.values.push(unescape(value));
		questions.set(name, question);
	}
	for (const [tag] of form.matchAll(/<textarea\b[^>]*>/g)) {
		const { name } = attributes(tag);
		if (name) questions.set(name, { name, kind: 'text', values: [] });
	}
	return [...questions.values()];
}

/** A small seeded generator, so a person's answers are the same on every run and after a restart. */
export function seededRandom(seed: string): () => number {
	let state = 2166136261;
	for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Answers every question of a page: any shown option, whole numbers 0–10, a short note. */
export function chooseAnswers(
	questions: FormQuestion[],
	random: () => number,
	note: string
): Answers {
	const pick = (values: string[]) => values[Math.floor(random() * values.length)]!;
	const answers: Answers = {};
	for (const question of questions) {
		if (question.kind === 'radio') answers[question.name] = [pick(question.values)];
		else if (question.kind === 'checkbox')
			answers[question.name] = [...new Set([pick(question.values), pick(question.values)])].sort();
		else if (question.kind === 'number')
			answers[question.name] = [String(Math.floor(random() * 11))];
		else answers[question.name] = [`${note} ${Math.floor(random() * 1000)}`];
	}
	return answers;
}

/** The body a browser posts for these answers and the button pressed. */
export function formBody(answers: Answers, intent: string): URLSearchParams {
	const body = new URLSearchParams();
	for (const [name, values] of Object.entries(answers))
		for (const value of values) body.append(name, value);
	body.append('intent', intent);
	return body;
}
