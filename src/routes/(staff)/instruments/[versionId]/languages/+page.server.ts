import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireVersion } from '$lib/server/instruments/access';
import { setLanguageReviewed } from '$lib/server/instruments/language-reviews';
import {
	buildLanguagesView,
	importTranslation
} from '$lib/server/instruments/translation-transfer';
import { decodeCsvBytes } from '$lib/server/participants/csv-records';

const languagesPath = (versionId: string) => `/instruments/${versionId}/languages`;

async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (cause) {
		if ((cause as { status?: number }).status === 413) error(413, 'Payload too large');
		return new FormData();
	}
}

export async function load(event) {
	const { version, document } = await requireVersion(event);
	const view = await buildLanguagesView(getDb(), version, document);
	return { version, name: document.name, ...view };
}

export const actions = {
	review: async (event) => {
		const { staff, version, document } = await requireVersion(event);
		const form = await readForm(event.request);
		const language = String(form.get('language') ?? '');
		if (!document.languages.slice(1).includes(language)) {
			return fail(400, { reviewError: m.languages_error_language() });
		}
		const input = { versionId: version.id, language, reviewed: form.get('reviewed') === 'yes' };
		const done = await setLanguageReviewed(getDb(), staff, input, event.getClientAddress());
		if (!done) error(404, 'Not found');
		redirect(303, languagesPath(version.id));
	},
	import: async (event) => {
		const { staff, version } = await requireVersion(event);
		const form = await readForm(event.request);
		const language = String(form.get('language') ?? '');
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { language, fileError: m.languages_error_no_file() });
		}
		const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
		if (!decoded.ok) return fail(400, { language, fileError: decoded.problem.message });
		const result = await importTranslation(
			getDb(),
			staff,
			{ versionId: version.id, language, csv: decoded.text },
			event.getClientAddress()
		);
		if (result.ok) return { language, imported: result };
		if (result.reason === 'not_found') error(404, 'Not found');
		if (result.reason === 'invalid') return fail(400, { language, problems: result.problems });
		if (result.reason === 'not_draft') {
			return fail(409, { language, fileError: m.edit_refused_not_draft() });
		}
		return fail(400, { language, languageError: m.languages_error_language() });
	}
};
