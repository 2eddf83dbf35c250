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
import { isRemovalKind } from '$lib/instruments/removal';
import {
	ITEM_TYPES,
	WAVES,
	type InstrumentDocument,
	type ItemType,
	type Wave
} from '$lib/instruments/types';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireVersion } from '$lib/server/instruments/access';
import { redirectWithFlash } from '$lib/server/flash/flash';
import {
	applyDraftEdit,
	formText,
	localizedField,
	outlinePath
} from '$lib/server/instruments/edit-action';
import { listInstruments, openDraft, publishDraft } from '$lib/server/instruments/instruments';
import { duplicateInstrument } from '$lib/server/instruments/transfer';
import { versionStatistics } from '$lib/server/instruments/version-statistics';
import { flaggedItems } from '$lib/statistics/instrument-statistics';

export async function load(event) {
	const { staff, version, document } = await requireVersion(event);
	const instruments = await listInstruments(getDb(), staff.organization_id);
	const versions = instruments.find((i) => i.id === version.instrumentId)?.versions ?? [];
	const { searchParams } = event.url;
	const kind = searchParams.get('confirm')?.replace(/^remove-/, '') ?? null;
	const confirm =
		version.status === 'draft' && isRemovalKind(kind)
			? { kind, key: searchParams.get('key') ?? '' }
			: null;
	const { statistics } = await versionStatistics(getDb(), staff.organization_id, version, document);
	const flags = Object.fromEntries(
		[...flaggedItems(statistics)].map(([key, set]) => [key, [...set]])
	);
	return { version, document, versions, open: searchParams.get('open'), confirm, flags };
}

const text = formText;
const delta = (form: FormData) => (text(form, 'direction') === 'up' ? -1 : 1);
const constructOf = (doc: InstrumentDocument, itemKey: string) =>
	doc.constructs.find((c) => c.items.some((i) => i.key === itemKey))?.key ?? null;

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
		if (result.ok)
			redirectWithFlash(event.cookies, outlinePath(version.id), { kind: 'instrument_published' });
		if (result.reason === 'not_found') error(404, 'Not found');
		if (result.reason === 'not_draft')
			return fail(409, { problems: [{ path: '$', message: m.edit_refused_not_draft() }] });
		return fail(400, { publishProblems: result.problems });
	},
	addConstruct: (event) =>
		applyDraftEdit(event, 'addConstruct', (doc, form) => ({
			result: addConstruct(doc, text(form, 'key'), localizedField(form, 'name', doc.languages)),
			flash: 'topic_added',
			open: text(form, 'key')
		})),
	updateConstruct: (event) =>
		applyDraftEdit(event, 'updateConstruct', (doc, form) => {
			const intro = localizedField(form, 'intro', doc.languages);
			const result = updateConstruct(doc, text(form, 'key'), {
				name: localizedField(form, 'name', doc.languages),
				intro: Object.values(intro).some(Boolean) ? intro : null,
				weight: Number(text(form, 'weight'))
			});
			return { result, flash: 'topic_saved', open: text(form, 'key') };
		}),
	moveConstruct: (event) =>
		applyDraftEdit(event, 'moveConstruct', (doc, form) => ({
			result: moveConstruct(doc, text(form, 'key'), delta(form)),
			flash: 'topic_moved',
			open: text(form, 'key')
		})),
	removeConstruct: (event) =>
		applyDraftEdit(
			event,
			'removeConstruct',
			(doc, form) => ({ result: removeConstruct(doc, text(form, 'key')), flash: 'topic_removed' }),
			{ confirm: 'topic' }
		),
	addItem: (event) =>
		applyDraftEdit(event, 'addItem', (doc, form) => {
			const type = (ITEM_TYPES as readonly string[]).includes(text(form, 'type'))
				? (text(form, 'type') as ItemType)
				: 'scale';
			const wave = (WAVES as readonly string[]).includes(text(form, 'wave'))
				? (text(form, 'wave') as Wave)
				: 'pre';
			const key = text(form, 'key');
			const construct = text(form, 'construct');
			const result = addItem(doc, construct, newItem(doc, key, type, wave));
			return { result, flash: 'item_added', open: construct, item: key };
		}),
	moveItem: (event) =>
		applyDraftEdit(event, 'moveItem', (doc, form) => ({
			result: moveItem(doc, text(form, 'key'), delta(form)),
			flash: 'item_moved',
			open: constructOf(doc, text(form, 'key')),
			item: text(form, 'key')
		})),
	removeItem: (event) =>
		applyDraftEdit(
			event,
			'removeItem',
			(doc, form) => ({
				result: removeItem(doc, text(form, 'key')),
				flash: 'item_removed',
				open: constructOf(doc, text(form, 'key'))
			}),
			{ confirm: 'item' }
		),
	addLanguage: (event) =>
		applyDraftEdit(event, 'addLanguage', (doc, form) => ({
			result: addLanguage(doc, text(form, 'language')),
			flash: 'language_added'
		}))
};
