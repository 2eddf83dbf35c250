import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyTranslation, translationEntries } from '../../src/lib/instruments/translation';
import type { InstrumentDocument } from '../../src/lib/instruments/types';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { openDraft, saveDraft } from '../../src/lib/server/instruments/instruments';
import {
	languageStatuses,
	setLanguageReviewed
} from '../../src/lib/server/instruments/language-reviews';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import {
	exportTranslation,
	importTranslation
} from '../../src/lib/server/instruments/translation-transfer';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, publishedVersion, staffByEmail } from '../helpers/fixtures';

let t: TestDatabase;
let alice: StaffUserRow;
let bob: StaffUserRow;
let published: string;
let draft: string;

beforeEach(async () => {
	t = await createTestDatabase();
	const a = await createOrganizationWithStaff(t.db, 'A', [
		{ email: 'alice@a.org', role: 'coordinator', name: 'Alice Tremblay' }
	]);
	await createOrganizationWithStaff(t.db, 'B', [{ email: 'bob@b.org', role: 'coordinator' }]);
	alice = await staffByEmail(t.db, 'alice@a.org');
	bob = await staffByEmail(t.db, 'bob@b.org');
	published = await publishedVersion(t.db, a.organizationId);
	draft = (await openDraft(t.db, alice, published, null))!;
});
afterEach(() => t.close());

const documentOf = async (versionId: string) => (await loadVersionDocument(t.db, versionId))!;

async function download(
	versionId: string,
	language: string,
	separator: 'comma' | 'semicolon' = 'comma',
	headerLanguage: 'en' | 'fr' = 'en'
): Promise<string> {
	const input = { versionId, language, separator, headerLanguage };
	const file = await exportTranslation(t.db, alice, input, null);
	return file!.body;
}

const upload = (language: string, csv: string, actor = alice, versionId = draft) =>
	importTranslation(t.db, actor, { versionId, language, csv }, null);

/** The file with some texts replaced, as a translator's spreadsheet saves it. */
function edited(csv: string, texts: Record<string, string>): string {
	const rows = parse(csv, { bom: true }) as string[][];
	const changed = rows.map((row, i) =>
		i > 0 && row[0]! in texts ? [...row.slice(0, 3), texts[row[0]!]!, ''] : row
	);
	return stringify(changed, { record_delimiter: 'windows' });
}

async function auditActions(): Promise<{ action: string; detail: string | null }[]> {
	return t.db
		.selectFrom('audit_log')
		.select(['action', 'detail'])
		.where('action', 'like', 'instrument.%')
		.orderBy('created_at')
		.execute();
}

function withoutLanguage(doc: InstrumentDocument, language: string): InstrumentDocument {
	const empty = translationEntries(doc, language).map((entry) => [entry.key, '']);
	return applyTranslation(doc, language, Object.fromEntries(empty));
}

describe('a language exported and imported back', () => {
	it('gives every shipped language of the default survey back exactly (lossless)', async () => {
		const original = await documentOf(published);
		const languages = original.languages.slice(1);
		expect(languages).toEqual(
			expect.arrayContaining(['fr', 'ar', 'fa', 'es', 'zh-Hans', 'tl', 'uk'])
		);
		for (const [i, language] of languages.entries()) {
			const csv = await download(
				published,
				language,
				i % 2 ? 'semicolon' : 'comma',
				i % 2 ? 'fr' : 'en'
			);
			const blank = withoutLanguage(await documentOf(draft), language);
			expect(await saveDraft(t.db, alice, draft, blank, null)).toEqual({ ok: true });

			const result = await upload(language, csv);
			expect(result).toMatchObject({
				ok: true,
				changed: translationEntries(original, language).length
			});
			if (result.ok) expect(result.warnings.filter((w) => w.code !== 'digits')).toEqual([]);
		}
		expect(await documentOf(draft)).toEqual(original);
	});

	it('changes exactly the edited texts', async () => {
		const before = await documentOf(draft);
		const texts = {
			'instrument.name': 'Expectativas del mentoreo antes del empleo',
			'topic.contact.name': 'El contacto'
		};
		const result = await upload('es', edited(await download(draft, 'es'), texts));
		expect(result).toEqual({ ok: true, changed: 2, warnings: [] });
		expect(await documentOf(draft)).toEqual(applyTranslation(before, 'es', texts));
		expect((await auditActions()).at(-1)!.action).toBe('instrument.draft_edited');
	});

	it('with a placeholder the source does not have, changes nothing and says where', async () => {
		const before = await documentOf(draft);
		const csv = edited(await download(draft, 'ar'), {
			'topic.contact.name': 'التواصل مع {name}',
			'instrument.name': 'اسم جديد'
		});
		const audited = (await auditActions()).length;
		const row =
			translationEntries(before, 'ar').findIndex((e) => e.key === 'topic.contact.name') + 2;
		const result = await upload('ar', csv);
		expect(result).toMatchObject({ ok: false, reason: 'invalid' });
		const errors =
			result.ok || result.reason !== 'invalid'
				? []
				: result.problems.filter((p) => p.severity === 'error');
		expect(errors).toEqual([
			expect.objectContaining({ code: 'placeholders', key: 'topic.contact.name', row })
		]);
		expect(await documentOf(draft)).toEqual(before);
		expect(await auditActions()).toHaveLength(audited);
	});

	it('is refused on a published version and into the source language', async () => {
		const csv = await download(published, 'es');
		expect(await upload('es', csv, alice, published)).toEqual({ ok: false, reason: 'not_draft' });
		expect(await upload('en', csv)).toEqual({ ok: false, reason: 'language' });
	});

	it('is audited as an export of the version, with its language', async () => {
		await download(published, 'uk');
		expect((await auditActions()).at(-1)).toEqual({
			action: 'instrument.exported',
			detail: JSON.stringify({ language: 'uk' })
		});
	});
});

describe('marking a language reviewed', () => {
	it('is audited both ways and shows who reviewed it', async () => {
		const doc = await documentOf(published);
		const input = { versionId: published, language: 'ar', reviewed: true };
		expect(await setLanguageReviewed(t.db, alice, input, null, 1_700_000_000_000)).toBe(true);
		const ar = (await languageStatuses(t.db, published, doc)).find((s) => s.language === 'ar');
		expect(ar).toMatchObject({
			reviewed: true,
			reviewedBy: 'Alice Tremblay',
			reviewedAt: 1_700_000_000_000
		});

		expect(await setLanguageReviewed(t.db, alice, { ...input, reviewed: false }, null)).toBe(true);
		const again = (await languageStatuses(t.db, published, doc)).find((s) => s.language === 'ar');
		expect(again).toMatchObject({ reviewed: false, reviewedBy: null });
		expect((await auditActions()).slice(-2)).toEqual([
			{ action: 'instrument.language_reviewed', detail: JSON.stringify({ language: 'ar' }) },
			{ action: 'instrument.language_draft', detail: JSON.stringify({ language: 'ar' }) }
		]);
	});
});

describe("another organization's version", () => {
	it('cannot be reviewed, exported or imported into', async () => {
		const before = await auditActions();
		const input = { versionId: published, language: 'ar', reviewed: true };
		expect(await setLanguageReviewed(t.db, bob, input, null)).toBe(false);
		const exportInput = {
			versionId: published,
			language: 'ar',
			separator: 'comma' as const,
			headerLanguage: 'en' as const
		};
		expect(await exportTranslation(t.db, bob, exportInput, null)).toBeNull();
		const csv = await download(draft, 'ar');
		expect(await upload('ar', csv, bob)).toEqual({ ok: false, reason: 'not_found' });
		expect(await auditActions()).toHaveLength(before.length + 1); // alice's own download
	});
});
