import type { LanguagePolicy } from '$lib/instruments/survey-language';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { languageStatuses } from '../instruments/language-reviews';
import { loadVersionDocument } from '../instruments/load-document';

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

/** A language a program may offer, as the organization's published surveys have it. */
export interface LanguageOption {
	code: string;
	/** A fluent staff member checked it (or it is a survey's source language). */
	reviewed: boolean;
	/** Every text exists; a language with a text missing cannot be offered. */
	complete: boolean;
}

/**
 * The languages of the newest published version of each of the organization's surveys; a
 * language is reviewed or complete when it is so in any of them.
 */
export async function languageOptions(
	db: DbOrTx,
	organizationId: string
): Promise<LanguageOption[]> {
	const versions = await db
		.selectFrom('instrument_versions')
		.innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
		.select(['instrument_versions.id', 'instrument_id as instrumentId', 'number'])
		.where('instruments.organization_id', '=', organizationId)
		.where('status', '=', 'published')
		.orderBy('number', 'desc')
		.execute();
	const newest = versions.filter(
		(version, index) => versions.findIndex((v) => v.instrumentId === version.instrumentId) === index
	);
	const options = new Map<string, LanguageOption>();
	for (const version of newest) {
		const document = await loadVersionDocument(db, version.id);
		if (!document) continue;
		for (const status of await languageStatuses(db, version.id, document)) {
			const known = options.get(status.language);
			options.set(status.language, {
				code: status.language,
				reviewed: status.reviewed || !!known?.reviewed,
				complete: status.missing.length === 0 || !!known?.complete
			});
		}
	}
	return [...options.values()];
}
