import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import {
	acceptSuggestions,
	changeLock,
	recordMatchingViewed
} from '$lib/server/matching/matching-actions';
import { buildMatchingView } from '$lib/server/matching/matching-view';
import { requireProgram } from '$lib/server/programs/access';

export async function load(event) {
	const { staff, program } = await requireProgram(event);
	const db = getDb();
	const view = await buildMatchingView(db, program, getLocale());
	await recordMatchingViewed(
		event,
		staff,
		{ type: 'program', id: program.id },
		view.suggestions.length
	);
	return { view, programStatus: program.status };
}

export const actions = {
	accept: async (event) => acceptSuggestions(event, await requireProgram(event)),
	lock: async (event) =>
		changeLock(event, await requireProgram(event), `/programs/${event.params.programId}/matching`)
};
