import type { LanguagePolicy } from '$lib/instruments/survey-language';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';

/** What a program says about languages: which it offers, its own, and whether questions show both. */
export interface ProgramLanguages extends LanguagePolicy {
	bilingualQuestions: boolean;
}

/** The stored JSON list of offered languages; the program's own language when unreadable. */
export function offeredList(program: Pick<Program, 'languages' | 'default_language'>): string[] {
	try {
		const list: unknown = JSON.parse(program.languages);
		if (Array.isArray(list) && list.every((code) => typeof code === 'string') && list.length > 0) {
			return list;
		}
	} catch {
		// fall through to the program's own language
	}
	return [program.default_language];
}

export function programLanguages(
	program: Pick<Program, 'languages' | 'default_language' | 'bilingual_questions'>
): ProgramLanguages {
	return {
		offered: offeredList(program),
		defaultLanguage: program.default_language,
		bilingualQuestions: program.bilingual_questions === 1
	};
}

export async function loadProgramLanguages(
	db: DbOrTx,
	programId: string
): Promise<ProgramLanguages> {
	const program = await db
		.selectFrom('programs')
		.select(['languages', 'default_language', 'bilingual_questions'])
		.where('id', '=', programId)
		.executeTakeFirstOrThrow();
	return programLanguages(program);
}
