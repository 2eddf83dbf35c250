import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listInstruments } from '$lib/server/instruments/instruments';
import { MAX_DOCUMENT_BYTES } from '$lib/server/instruments/parse-document';
import { importInstrument } from '$lib/server/instruments/transfer';

export async function load(event) {
	const staff = requireStaff(event);
	return { instruments: await listInstruments(getDb(), staff.organization_id) };
}

export const actions = {
	import: async (event) => {
		const staff = requireStaff(event);
		let file: FormDataEntryValue | null = null;
		try {
			file = (await event.request.formData()).get('file');
		} catch {
			/* not a form: reported below as no file */
		}
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { problems: [{ path: '$', message: m.import_error_no_file() }] });
		}
		if (file.size > MAX_DOCUMENT_BYTES) {
			return fail(400, {
				problems: [{ path: '$', message: m.import_error_file_too_large({ megabytes: 1 }) }]
			});
		}
		const result = await importInstrument(
			getDb(),
			staff,
			await file.text(),
			event.getClientAddress()
		);
		if (!result.ok) return fail(400, { problems: result.problems });
		redirect(303, `/instruments/${result.versionId}`);
	}
};
