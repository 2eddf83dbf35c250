import { error, fail } from '@sveltejs/kit';
import { replaceItem } from '$lib/instruments/editing';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { requireVersion } from '$lib/server/instruments/access';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { outlinePath, readFormData } from '$lib/server/instruments/edit-action';
import { saveDraft } from '$lib/server/instruments/instruments';
import { itemFromForm } from '$lib/server/instruments/item-form';

async function requireDraftItem(
	event: Parameters<typeof requireVersion>[0] & { params: { itemKey: string } }
) {
	const found = await requireVersion(event);
	const construct = found.document.constructs.find((c) =>
		c.items.some((i) => i.key === event.params.itemKey)
	);
	const item = construct?.items.find((i) => i.key === event.params.itemKey);
	if (!construct || !item || found.version.status !== 'draft') error(404, 'Not found');
	return { ...found, construct, item };
}

export async function load(event) {
	const { version, document, construct, item } = await requireDraftItem(event);
	const preItems = document.constructs
		.flatMap((c) => c.items)
		.filter((i) => i.wave === 'pre' && i.key !== item.key);
	return {
		versionId: version.id,
		languages: document.languages,
		constructs: document.constructs.map((c) => ({ key: c.key, name: c.name })),
		constructKey: construct.key,
		item,
		followable: preItems.map((i) => i.key)
	};
}

export const actions = {
	default: async (event) => {
		const { staff, version, document, item } = await requireDraftItem(event);
		const form = await readFormData(event.request);
		const edited = itemFromForm(form, document.languages, item);
		const constructKey = String(form.get('construct') ?? '');
		const result = replaceItem(document, item.key, edited, constructKey);
		if (!result.ok) {
			const message =
				result.reason === 'key_taken' ? m.edit_refused_key_taken() : m.edit_refused_not_found();
			return fail(400, { problems: [{ path: '$', message }], draft: edited, constructKey });
		}
		const saved = await saveDraft(
			getDb(),
			staff,
			version.id,
			result.document,
			event.getClientAddress()
		);
		if (!saved.ok && saved.reason === 'invalid')
			return fail(400, { problems: saved.problems, draft: edited, constructKey });
		if (!saved.ok) error(404, 'Not found');
		const location =
			form.get('intent') === 'add_option'
				? `/instruments/${version.id}/items/${edited.key}#options`
				: outlinePath(version.id, constructKey, edited.key);
		redirectWithFlash(event.cookies, location, { kind: 'item_saved' });
	}
};
