import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { MAX_CSV_BYTES, roleSynonyms } from '$lib/server/participants/csv-columns';
import { decodeCsvBytes } from '$lib/server/participants/csv-records';
import { storeUpload } from '$lib/server/participants/participant-import';
import { requireProgram } from '$lib/server/programs/access';
import { programFields } from '$lib/server/programs/programs';

function refuse(message: string) {
	return fail(400, { errors: { file: message } });
}

async function readFile(request: Request): Promise<File | null> {
	try {
		const file = (await request.formData()).get('file');
		return file instanceof File && file.size > 0 ? file : null;
	} catch (cause) {
		if ((cause as { status?: number }).status === 413) error(413, 'Payload too large');
		return null;
	}
}

export async function load(event) {
	const { program } = await requireProgram(event);
	return { roleSynonyms: roleSynonyms(), fields: programFields(program) };
}

export const actions = {
	upload: async (event) => {
		const { staff, program } = await requireProgram(event);
		const file = await readFile(event.request);
		if (!file) return refuse(m.csv_error_no_file());
		if (file.size > MAX_CSV_BYTES) {
			return refuse(m.csv_error_file_too_large({ megabytes: MAX_CSV_BYTES / (1024 * 1024) }));
		}
		const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
		if (!decoded.ok) return refuse(decoded.problem.message);
		const importId = await storeUpload(getDb(), staff, program.id, file.name, decoded.text);
		redirect(303, `/programs/${program.id}/import/${importId}`);
	}
};
