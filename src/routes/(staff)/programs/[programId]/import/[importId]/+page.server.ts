import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { summarizeCsv } from '$lib/server/participants/csv-preview';
import {
	checkImport,
	findImport,
	importParticipants
} from '$lib/server/participants/participant-import';
import { requireProgram } from '$lib/server/programs/access';

export async function load(event) {
	const { program } = await requireProgram(event);
	const upload = await findImport(
		getDb(),
		program.organization_id,
		program.id,
		event.params.importId
	);
	if (!upload) error(404, 'Not found');
	if (upload.completed_at !== null) return { fileName: upload.file_name, preview: null };
	const preview = summarizeCsv(await checkImport(getDb(), program, upload));
	return { fileName: upload.file_name, preview };
}

export const actions = {
	confirm: async (event) => {
		const { staff, program } = await requireProgram(event);
		const form = await event.request.formData().catch(() => null);
		const outcome = await importParticipants(getDb(), staff, program, event.params.importId, {
			createEmployers: form?.get('createEmployers') === 'on',
			ip: event.getClientAddress()
		});
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok) return fail(400, { problems: outcome.problems });
		redirectWithFlash(event.cookies, `/programs/${program.id}/participants`, {
			kind: 'participants_imported',
			count: outcome.count
		});
	}
};
