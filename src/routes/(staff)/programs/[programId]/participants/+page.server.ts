import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { listEmployers } from '$lib/server/employers/employers';
import { participantFilterSchema, participantSchema } from '$lib/server/forms/program-schemas';
import { readForm } from '$lib/server/forms/read-form';
import { addParticipant } from '$lib/server/participants/participant-actions';
import { PARTICIPANT_FIELDS, participantRefusal } from '$lib/server/participants/participant-form';
import { listParticipantsPage } from '$lib/server/participants/participant-list';
import { getLocale } from '$lib/paraglide/runtime';
import { requireProgram } from '$lib/server/programs/access';
import { offeredList } from '$lib/server/programs/program-languages';
import { programFields } from '$lib/server/programs/programs';

export async function load(event) {
	const { staff, program } = await requireProgram(event);
	const query = event.url.searchParams;
	const filter = participantFilterSchema.parse({
		role: query.get('role'),
		status: query.get('status'),
		q: query.get('q')
	});
	const db = getDb();
	const [listing, employers] = await Promise.all([
		listParticipantsPage(
			db,
			staff.organization_id,
			program.id,
			{ role: filter.role, status: filter.status, search: filter.q },
			Number(query.get('page')) || 1,
			getLocale()
		),
		listEmployers(db, staff.organization_id)
	]);
	return {
		filter,
		listing,
		employers: employers.map(({ id, name }) => ({ id, name })),
		fields: programFields(program),
		languages: offeredList(program),
		defaultLanguage: program.default_language
	};
}

export const actions = {
	add: async (event) => {
		const { staff, program } = await requireProgram(event);
		const form = await readForm(event.request, participantSchema, PARTICIPANT_FIELDS);
		if (!form.ok) return form.failure;
		const result = await addParticipant(
			getDb(),
			staff,
			program.id,
			form.data,
			event.getClientAddress()
		);
		if (!result.ok) return participantRefusal(result, form.data);
		redirectWithFlash(event.cookies, `/programs/${program.id}/participants`, {
			kind: 'participant_added'
		});
	}
};
