import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { EditRefusal, EditResult } from '$lib/instruments/editing';
import { describeRemoval, type RemovalKind } from '$lib/instruments/removal';
import type { InstrumentDocument, LocalizedText } from '$lib/instruments/types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '../db';
import { redirectWithFlash, type InstrumentFlashKind } from '../flash/flash';
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

/** Where the outline of a version opens after a change: the topic, and the item scrolled to. */
export function outlinePath(versionId: string, open?: string | null, itemKey?: string | null) {
	const query = open ? `?open=${encodeURIComponent(open)}` : '';
	return `/instruments/${versionId}${query}${itemKey ? `#item-${itemKey}` : ''}`;
}

/** A draft edit, and what the outline says and opens once it is saved. */
export interface DraftEdit {
	result: EditResult;
	flash: InstrumentFlashKind;
	open?: string | null;
	item?: string | null;
}

/**
 * Why a draft edit was refused: the problems, or the removal still to confirm; `action` names the
 * refused form and `values` is what was typed in it, to fill it again.
 */
export interface DraftEditRefusal {
	problems?: { path: string; message: string }[];
	confirm?: { kind: RemovalKind; key: string };
	action?: string;
	values?: Record<string, string>;
}

const refuse = (status: number, refusal: DraftEditRefusal) => fail(status, refusal);
const notDraft = () => refuse(409, { problems: [{ path: '$', message: refusals.not_draft() }] });

/** The outline's own fields; anything else posted is not echoed back. */
const ECHOED = /^(key|construct|type|wave|weight|language|(name|intro)\.[a-zA-Z-]{2,6})$/;

/** What was typed, to fill the form again after a refusal. */
function typedValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) {
		if (ECHOED.test(name) && typeof value === 'string') values[name] = value.slice(0, 2000);
	}
	return values;
}

/**
 * One edit of a draft: read the form, change the document, validate and save it whole, then
 * go back to the outline with a message. Problems come back as a list for the page, with what
 * was typed (`action` names the form); nothing is saved unless all is well. A removal cannot be
 * undone from the page, so it is refused until the form says `confirmed=yes`.
 */
export async function applyDraftEdit(
	event: RequestEvent,
	action: string,
	edit: (doc: InstrumentDocument, form: FormData) => DraftEdit,
	options: { confirm?: RemovalKind } = {}
) {
	const { staff, version, document } = await requireVersion(event);
	if (version.status !== 'draft') return notDraft();
	const form = await readFormData(event.request);
	const refused = (problems: { path: string; message: string }[]) =>
		refuse(400, { problems, action, values: typedValues(form) });
	if (options.confirm && form.get('confirmed') !== 'yes') {
		const key = formText(form, 'key');
		if (!describeRemoval(document, options.confirm, key))
			return refused([{ path: '$', message: refusals.not_found() }]);
		return refuse(400, { confirm: { kind: options.confirm, key } });
	}
	const done = edit(document, form);
	if (!done.result.ok) return refused([{ path: '$', message: refusals[done.result.reason]() }]);
	const saved = await saveDraft(
		getDb(),
		staff,
		version.id,
		done.result.document,
		event.getClientAddress()
	);
	if (saved.ok)
		redirectWithFlash(event.cookies, outlinePath(version.id, done.open, done.item), {
			kind: done.flash
		});
	if (saved.reason === 'not_found') error(404, 'Not found');
	if (saved.reason === 'not_draft') return notDraft();
	return refused(saved.problems);
}
