import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { EditRefusal, EditResult } from '$lib/instruments/editing';
import type { InstrumentDocument, LocalizedText } from '$lib/instruments/types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '../db';
import { requireVersion } from './access';
import { saveDraft } from './instruments';

const refusals: Record<EditRefusal | 'not_draft', () => string> = {
	key_taken: m.edit_refused_key_taken,
	still_followed: m.edit_refused_still_followed,
	language_exists: m.edit_refused_language_exists,
	language_invalid: m.instrument_error_language,
	not_found: m.edit_refused_not_found,
	not_draft: m.edit_refused_not_draft
};

/** A posted text field, trimmed; empty when absent. */
export function formText(form: FormData, name: string): string {
	return String(form.get(name) ?? '').trim();
}

/** Texts posted as `<prefix>.<language>` for each language of the instrument. */
export function localizedField(form: FormData, prefix: string, languages: string[]): LocalizedText {
	return Object.fromEntries(languages.map((l) => [l, formText(form, `${prefix}.${l}`)]));
}

export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		return new FormData();
	}
}

/**
 * One edit of a draft: read the form, change the document, validate and save it whole.
 * Problems come back as a list for the page; nothing is saved unless all is well.
 */
export async function applyDraftEdit(
	event: RequestEvent,
	edit: (doc: InstrumentDocument, form: FormData) => EditResult
) {
	const { staff, version, document } = await requireVersion(event);
	if (version.status !== 'draft')
		return fail(409, { problems: [{ path: '$', message: refusals.not_draft() }] });
	const result = edit(document, await readFormData(event.request));
	if (!result.ok)
		return fail(400, { problems: [{ path: '$', message: refusals[result.reason]() }] });
	const saved = await saveDraft(
		getDb(),
		staff,
		version.id,
		result.document,
		event.getClientAddress()
	);
	if (saved.ok) return { saved: true as const };
	if (saved.reason === 'not_found') error(404, 'Not found');
	if (saved.reason === 'not_draft')
		return fail(409, { problems: [{ path: '$', message: refusals.not_draft() }] });
	return fail(400, { problems: saved.problems });
}
