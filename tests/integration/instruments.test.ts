import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceItem } from '../../src/lib/instruments/editing';
import { ROLES, type InstrumentDocument } from '../../src/lib/instruments/types';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import {
	findVersion,
	listInstruments,
	openDraft,
	publishDraft,
	saveDraft
} from '../../src/lib/server/instruments/instruments';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import { exportVersion, importInstrument } from '../../src/lib/server/instruments/transfer';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';

let t: TestDatabase;
let alice: StaffUserRow;
let bob: StaffUserRow;

const staffRow = (id: string) =>
	t.db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeEach(async () => {
	t = await createTestDatabase();
	const a = await createOrganizationWithStaff(t.db, 'A', [
		{ email: 'alice@a.org', role: 'coordinator' }
	]);
	const b = await createOrganizationWithStaff(t.db, 'B', [
		{ email: 'bob@b.org', role: 'coordinator' }
	]);
	alice = await staffRow(a.staffIds[0]!);
	bob = await staffRow(b.staffIds[0]!);
});
afterEach(() => t.close());

async function defaultVersionId(staff: StaffUserRow): Promise<string> {
	const [instrument] = await listInstruments(t.db, staff.organization_id);
	return instrument!.versions[0]!.id;
}

/** Every stored row of a version, in a stable order: the "byte-for-byte" view of it. */
async function versionRows(versionId: string): Promise<string> {
	const version = await t.db
		.selectFrom('instrument_versions')
		.selectAll()
		.where('id', '=', versionId)
		.execute();
	const constructs = await t.db
		.selectFrom('instrument_constructs')
		.selectAll()
		.where('version_id', '=', versionId)
		.orderBy('id')
		.execute();
	const items = await t.db
		.selectFrom('instrument_items')
		.selectAll()
		.where('version_id', '=', versionId)
		.orderBy('id')
		.execute();
	const itemIds = items.map((i) => i.id);
	const options = await t.db
		.selectFrom('instrument_options')
		.selectAll()
		.where('item_id', 'in', itemIds)
		.orderBy('id')
		.execute();
	const wordings = await t.db
		.selectFrom('instrument_wordings')
		.selectAll()
		.where('item_id', 'in', itemIds)
		.orderBy('item_id')
		.orderBy('role')
		.orderBy('language')
		.execute();
	return JSON.stringify({ version, constructs, items, options, wordings });
}

function editFirstItemWording(doc: InstrumentDocument, text: string): InstrumentDocument {
	const item = structuredClone(doc.constructs[0]!.items[0]!);
	item.wording.protege = { ...item.wording.protege, en: text };
	const result = replaceItem(doc, item.key, item, doc.constructs[0]!.key);
	if (!result.ok) throw new Error(result.reason);
	return result.document;
}

describe('each organization', () => {
	it('gets its own published copy of the default instrument', async () => {
		const [mine] = await listInstruments(t.db, alice.organization_id);
		const [theirs] = await listInstruments(t.db, bob.organization_id);
		expect(mine!.name.en).toBe('Pre-employment mentoring expectations');
		expect(mine!.versions).toMatchObject([{ number: 1, status: 'published' }]);
		expect(theirs!.id).not.toBe(mine!.id);
	});

	it("cannot reach another organization's instrument", async () => {
		const theirs = await defaultVersionId(bob);
		expect(await findVersion(t.db, alice.organization_id, theirs)).toBeNull();
		expect(await openDraft(t.db, alice, theirs, null)).toBeNull();
		expect(await exportVersion(t.db, alice, theirs, null)).toBeNull();
		const doc = (await loadVersionDocument(t.db, theirs))!;
		expect(await saveDraft(t.db, alice, theirs, doc, null)).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});

describe('versioning', () => {
	it('editing a published version makes a new draft and leaves the published one unchanged', async () => {
		const v1 = await defaultVersionId(alice);
		const before = await versionRows(v1);

		const draft = (await openDraft(t.db, alice, v1, null))!;
		expect(draft).not.toBe(v1);
		expect(await openDraft(t.db, alice, v1, null)).toBe(draft); // one open draft at a time
		const edited = editFirstItemWording(
			(await loadVersionDocument(t.db, draft))!,
			'Is job-search help important to you?'
		);
		expect(await saveDraft(t.db, alice, draft, edited, null)).toEqual({ ok: true });
		expect(await publishDraft(t.db, alice, draft, null)).toEqual({ ok: true });

		expect(await versionRows(v1)).toBe(before);
		const v2 = (await loadVersionDocument(t.db, draft))!;
		expect(v2.constructs[0]!.items[0]!.wording.protege!.en).toBe(
			'Is job-search help important to you?'
		);
		const [instrument] = await listInstruments(t.db, alice.organization_id);
		expect(instrument!.versions.map((v) => [v.number, v.status])).toEqual([
			[2, 'published'],
			[1, 'published']
		]);
	});

	it('refuses to save over a published version', async () => {
		const v1 = await defaultVersionId(alice);
		const doc = editFirstItemWording((await loadVersionDocument(t.db, v1))!, 'Changed');
		expect(await saveDraft(t.db, alice, v1, doc, null)).toEqual({ ok: false, reason: 'not_draft' });
		expect(await publishDraft(t.db, alice, v1, null)).toEqual({ ok: false, reason: 'not_draft' });
	});

	it('publishes only when every text exists in every language', async () => {
		const draft = (await openDraft(t.db, alice, await defaultVersionId(alice), null))!;
		const doc = editFirstItemWording((await loadVersionDocument(t.db, draft))!, '');
		expect(await saveDraft(t.db, alice, draft, doc, null)).toEqual({ ok: true });
		const refused = await publishDraft(t.db, alice, draft, null);
		expect(refused).toMatchObject({ ok: false, reason: 'invalid' });
		if (refused.ok || refused.reason !== 'invalid') return;
		expect(refused.problems).toEqual([
			{ path: 'constructs[0].items[0].wording.protege.en', message: 'The text in “en” is missing' }
		]);
		expect((await findVersion(t.db, alice.organization_id, draft))!.status).toBe('draft');
	});
});

describe('export and import', () => {
	it('round-trips: an exported version imports into another organization as an equal instrument', async () => {
		const exported = (await exportVersion(t.db, alice, await defaultVersionId(alice), null))!;
		const imported = await importInstrument(t.db, bob, JSON.stringify(exported.document), null);
		if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
		expect(await findVersion(t.db, bob.organization_id, imported.versionId)).toMatchObject({
			status: 'published',
			number: 1
		});
		expect(await loadVersionDocument(t.db, imported.versionId)).toEqual(exported.document);
	});

	it('keeps the short names of questions, changed or taken away, through the file', async () => {
		const exported = (await exportVersion(t.db, alice, await defaultVersionId(alice), null))!;
		const file: InstrumentDocument = JSON.parse(JSON.stringify(exported.document));
		const items = new Map(file.constructs.flatMap((c) => c.items).map((i) => [i.key, i]));
		expect(items.get('contact_frequency')!.label).toMatchObject({
			en: 'Meeting frequency',
			fr: 'Fréquence des rencontres'
		});
		const referrals = {
			...items.get('focus_job_leads')!.label,
			en: 'Referrals',
			fr: 'Recommandations'
		};
		items.get('focus_job_leads')!.label = referrals;
		items.get('contact_hours')!.label = null;

		const imported = await importInstrument(t.db, bob, JSON.stringify(file), null);
		if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
		const loaded = (await loadVersionDocument(t.db, imported.versionId))!;
		const byKey = new Map(loaded.constructs.flatMap((c) => c.items).map((i) => [i.key, i]));
		expect(byKey.get('focus_job_leads')!.label).toEqual(referrals);
		expect(byKey.get('contact_hours')!.label).toBeNull();
		expect(loaded).toEqual(file);
	});

	it('reads each wording back in role order, then in the survey’s language order', async () => {
		const exported = (await exportVersion(t.db, alice, await defaultVersionId(alice), null))!;
		const file: InstrumentDocument = JSON.parse(JSON.stringify(exported.document));
		expect(file.languages.slice(0, 2)).toEqual(['en', 'fr']);
		expect(file.languages.length).toBeGreaterThan(2);
		// The file lists each item's roles and languages backwards.
		const reversed = <T>(record: Record<string, T>) =>
			Object.fromEntries(Object.entries(record).reverse());
		for (const item of file.constructs.flatMap((c) => c.items))
			item.wording = reversed(
				Object.fromEntries(
					Object.entries(item.wording).map(([role, text]) => [role, reversed(text!)])
				)
			);
		const imported = await importInstrument(t.db, bob, JSON.stringify(file), null);
		if (!imported.ok) throw new Error(JSON.stringify(imported.problems));

		const loaded = (await loadVersionDocument(t.db, imported.versionId))!;
		const items = loaded.constructs.flatMap((c) => c.items);
		expect(items.some((item) => Object.keys(item.wording).length > 1)).toBe(true);
		for (const item of items) {
			expect(Object.keys(item.wording)).toEqual(ROLES.filter((role) => item.wording[role]));
			for (const text of Object.values(item.wording))
				expect(Object.keys(text!)).toEqual(file.languages);
		}
	});
});
