import type { ItemDocument, Role } from '$lib/instruments/types';
import type { Answers } from '$lib/survey/page-answers';
import { commentsFor, say } from './comments';
import { missingValue } from './levels';
import type { Language } from './people';
import type { Random } from './random';

export interface Respondent {
	role: Role;
	language: Language;
}

/**
 * Real answers are untidy: a few "don't know", some optional questions skipped, a comment now
 * and then. What a story decided stays exactly as the story says.
 */
export function roughen(
	items: ItemDocument[],
	drafted: Answers,
	story: Answers,
	who: Respondent,
	random: Random
): Answers {
	const answers: Answers = { ...drafted };
	for (const item of items) {
		if (story[item.key]) {
			answers[item.key] = story[item.key]!;
		} else if (item.type === 'text') {
			if (random.chance(0.3)) {
				const comments = commentsFor(who.role, item.wave === 'pre' ? 'pre' : 'mid');
				answers[item.key] = [say(who.language, random.pick(comments))];
			}
		} else if (!item.required && random.chance(0.1)) {
			delete answers[item.key];
		} else {
			const dontKnow = missingValue(item);
			if (dontKnow && !item.critical && random.chance(0.03)) answers[item.key] = [dontKnow];
		}
	}
	return answers;
}
