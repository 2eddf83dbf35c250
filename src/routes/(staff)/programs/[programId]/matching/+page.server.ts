import { getLocale } from '$lib/paraglide/runtime';
import { recordAudit } from '$lib/server/audit/audit';
import { isPageOpening } from '$lib/server/audit/page-opening';
import { getDb } from '$lib/server/db';
import { acceptSuggestions, changeLock } from '$lib/server/matching/matching-actions';
import { buildMatchingView } from '$lib/server/matching/matching-view';
import { requireProgram } from '$lib/server/programs/access';

export async function load(event) {
	const { staff, program } = await requireProgram(event);
	const db = getDb();
	const view = await buildMatchingView(db, program, getLocale());
	// The page quotes people's answers: the audit log keeps who looked.
	if (isPageOpening(event))
		await recordAudit(db, {
			organizationId: staff.organization_id,
			actorStaffId: staff.id,
			action: 'matching.viewed',
			targetType: 'program',
			targetId: program.id,
			detail: { suggested: view.suggestions.length },
			ip: event.getClientAddress()
		});
	return { view, programStatus: program.status };
}

export const actions = {
	accept: async (event) => acceptSuggestions(event, await requireProgram(event)),
	lock: async (event) =>
		changeLock(event, await requireProgram(event), `/programs/${event.params.programId}/matching`)
};
