import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { parsePairChoice } from '$lib/server/forms/matching-form';
import { fieldFailure } from '$lib/server/forms/read-form';
import { changeLock, recordMatchingViewed } from '$lib/server/matching/matching-actions';
import { bestMentorsView } from '$lib/server/matching/matching-view';
import { createPair } from '$lib/server/pairs/pair-actions';
import { requireProgram } from '$lib/server/programs/access';

export async function load(event) {
	const { staff, program } = await requireProgram(event);
	const db = getDb();
	const view = await bestMentorsView(db, program, event.params.protegeId, getLocale());
	if (!view) error(404, 'Not found');
	await recordMatchingViewed(
		event,
		staff,
		{ type: 'participant', id: view.protege.id },
		view.candidates.length
	);
	return { view };
}

export const actions = {
	pair: async (event) => {
		const { staff, program } = await requireProgram(event);
		const form = await event.request.formData().catch(() => error(400, 'Bad request'));
		const choice = parsePairChoice(form.get('pair'));
		if (!choice || choice.protegeId !== event.params.protegeId) error(400, 'Bad request');
		const result = await createPair(
			getDb(),
			staff,
			program,
			{ ...choice, employerId: null, coordinatorId: null },
			event.getClientAddress()
		);
		if (result.ok)
			redirectWithFlash(event.cookies, `/programs/${program.id}/pairs/${result.pairId}`, {
				kind: 'pair_created'
			});
		return fieldFailure(400, 'form', m.matching_some_refused({ count: 1 }));
	},
	lock: async (event) =>
		changeLock(
			event,
			await requireProgram(event),
			`/programs/${event.params.programId}/matching/${event.params.protegeId}`
		)
};
