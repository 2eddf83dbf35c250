import { error, fail, redirect } from '@sveltejs/kit';
import {
	addConstruct,
	addItem,
	addLanguage,
	moveConstruct,
	moveItem,
	newItem,
	removeConstruct,
	removeItem,
	updateConstruct
} from '$lib/instruments/editing';
import { ITEM_TYPES, WAVES, type ItemType, type Wave } from '$lib/instruments/types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireVersion } from '$lib/server/instruments/access';
import { applyDraftEdit, formText, localizedField } from '$lib/server/instruments/edit-action';
import { listInstruments, openDraft, publishDraft } from '$lib/server/instruments/instruments';
import { duplicateInstrument } from '$lib/server/instruments/transfer';

export async function load(event) {
	const { staff, version, document } = await requireVersion(event);
	const instruments = await listInstruments(getDb(), staff.organization_id);
	const versions = instruments.find((i) => i.id === version.instrumentId)?.versions ?? [];
	return { version, document, versions };
}

const text = formText;
const delta = (form: FormData) => (text(form, 'direction') === 'up' ? -1 : 1);

export const actions = {
	edit: async (event) => {
		const { staff, version } = await requireVersion(event);
		const draftId = await openDraft(getDb(), staff, version.id, event.getClientAddress());
		if (!draftId) error(404, 'Not found');
		redirect(303, `/instruments/${draftId}`);
	},
	duplicate: async (event) => {
		const { staff, version } = await requireVersion(event);
		const copyId = await duplicateInstrument(getDb(), staff, version.id, event.getClientAddress());
		if (!copyId) error(404, 'Not found');
		redirect(303, `/instruments/${copyId}`);
	},
	publish: async (event) => {
		const { staff, version } = await requireVersion(event);
		const result = await publishDraft(getDb(), staff, version.id, event.getClientAddress());
		if (result.ok) return { published: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		if (result.reason === 'not_draft')
			return fail(409, { problems: [{ path: '$', message: m.edit_refused_not_draft() }] });
		return fail(400, { publishProblems: result.problems });
	},
	addConstruct: (event) =>
		applyDraftEdit(event, (doc, form) =>
			addConstruct(doc, text(form, 'key'), localizedField(form, 'name', doc.languages))
		),
	updateConstruct: (event) =>
		applyDraftEdit(event, (doc, form) => {
			const intro = localizedField(form, 'intro', doc.languages);
			return updateConstruct(doc, text(form, 'key'), {
				name: localizedField(form, 'name', doc.languages),
				intro: Object.values(intro).some(Boolean) ? intro : null,
				weight: Number(text(form, 'weight'))
			});
		}),
	moveConstruct: (event) =>
		applyDraftEdit(event, (doc, form) => moveConstruct(doc, text(form, 'key'), delta(form))),
	removeConstruct: (event) =>
		applyDraftEdit(event, (doc, form) => removeConstruct(doc, text(form, 'key'))),
	addItem: (event) =>
		applyDraftEdit(event, (doc, form) => {
			const type = (ITEM_TYPES as readonly string[]).includes(text(form, 'type'))
				? (text(form, 'type') as ItemType)
				: 'scale';
			const wave = (WAVES as readonly string[]).includes(text(form, 'wave'))
				? (text(form, 'wave') as Wave)
				: 'pre';
			return addItem(doc, text(form, 'construct'), newItem(doc, text(form, 'key'), type, wave));
		}),
	moveItem: (event) =>
		applyDraftEdit(event, (doc, form) => moveItem(doc, text(form, 'key'), delta(form))),
	removeItem: (event) => applyDraftEdit(event, (doc, form) => removeItem(doc, text(form, 'key'))),
	addLanguage: (event) =>
		applyDraftEdit(event, (doc, form) => addLanguage(doc, text(form, 'language')))
};
