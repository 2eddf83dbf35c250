import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyLanguage, offeredLanguages } from '../../src/lib/instruments/survey-language';
import { surveyPages } from '../../src/lib/instruments/survey-pages';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { programSchema } from '../../src/lib/server/forms/program-schemas';
import { readForm } from '../../src/lib/server/forms/read-form';
import { setLanguageReviewed } from '../../src/lib/server/instruments/language-reviews';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import { readParticipantCsv } from '../../src/lib/server/participants/csv-import';
import { addParticipant } from '../../src/lib/server/participants/participant-actions';
import { programFormValues } from '../../src/lib/server/programs/program-form';
import {
	languageOptions,
	loadProgramLanguages,
	offeredList
} from '../../src/lib/server/programs/program-languages';
import { updateProgram, programToInput } from '../../src/lib/server/programs/programs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, publishedVersion, staffByEmail } from '../helpers/fixtures';
import { createTestProgram, participantInput } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let versionId: string;

beforeAll(async () => {
	t = await createTestDatabase();
	const org = await createOrganizationWithStaff(t.db, 'A', [
		{ email: 'coord@a.org', role: 'coordinator', name: 'Ana' }
	]);
	staff = await staffByEmail(t.db, 'coord@a.org');
	versionId = await publishedVersion(t.db, org.organizationId);
	program = await createTestProgram(t.db, staff);
});
afterAll(() => t.close());

const reload = () =>
	t.db.selectFrom('programs').selectAll().where('id', '=', program.id).executeTakeFirstOrThrow();

const csv = (language: string) =>
	readParticipantCsv(`role,name,email,language\nprotege,Sara,sara@example.org,${language}\n`, {
		existingEmails: new Set(),
		employers: [],
		languages: offeredList(program)
	});

describe('a new program', () => {
	it('offers English and French; every shipped translation is a complete draft', async () => {
		expect(offeredList(program)).toEqual(['en', 'fr']);
		const options = await languageOptions(t.db, staff.organization_id);
		expect(options.map((o) => o.code)).toEqual([
			'en',
			'fr',
			'ar',
			'fa',
			'es',
			'zh-Hans',
			'pa',
			'tl',
			'uk'
		]);
		expect(options.filter((o) => o.reviewed).map((o) => o.code)).toEqual(['en']);
		expect(options.every((o) => o.complete)).toBe(true);
	});

	it('does not offer a draft language it did not choose: not to a person, a file or a survey', async () => {
		const refused = await addParticipant(
			t.db,
			staff,
			program.id,
			participantInput({
				role: 'protege',
				name: 'Sara',
				email: 'sara1@example.org',
				language: 'ar'
			}),
			null
		);
		expect(refused).toEqual({ ok: false, reason: 'language_unknown' });
		expect((await csv('Arabic')).problems.map((p) => p.message)).toEqual([
			'This program does not offer “Arabic”. It offers: English, French.'
		]);
		const document = (await loadVersionDocument(t.db, versionId))!;
		const policy = await loadProgramLanguages(t.db, program.id);
		expect(offeredLanguages(document, policy)).toEqual(['en', 'fr']);
		expect(surveyLanguage(document, policy, 'ar')).toBe('en');
	});
});

describe('a program that chooses Arabic', () => {
	beforeAll(async () => {
		const request = new Request('http://tandem.test/programs', {
			method: 'POST',
			body: new URLSearchParams([
				...Object.entries(programFormValues(programToInput(program)))
					.filter(([, value]) => typeof value !== 'boolean')
					.map(([key, value]) => [key, String(value)] as [string, string]),
				['languages[]', ''],
				['languages[]', 'ar'],
				['bilingualQuestions', 'on']
			])
		});
		const form = await readForm(request, programSchema);
		if (!form.ok) throw new Error(JSON.stringify(form.failure.data.errors));
		await updateProgram(t.db, program.id, form.data);
		program = await reload();
	});

	it('offers its own language and Arabic, and shows questions in both', async () => {
		expect(offeredList(program)).toEqual(['en', 'ar']);
		expect(program.bilingual_questions).toBe(1);
	});

	it('takes Arabic from the form and from a file, written as a code or a name', async () => {
		const added = await addParticipant(
			t.db,
			staff,
			program.id,
			participantInput({
				role: 'protege',
				name: 'Sara',
				email: 'sara2@example.org',
				language: 'ar'
			}),
			null
		);
		expect(added.ok).toBe(true);
		for (const written of ['ar', 'Arabic', 'arabe', 'العربية', 'ar-SY']) {
			const read = await csv(written);
			expect(read.problems, written).toEqual([]);
			expect(read.rows[0]!.language, written).toBe('ar');
		}
		expect((await csv('fr')).problems.map((p) => p.message)).toEqual([
			'This program does not offer “fr”. It offers: English, Arabic.'
		]);
		expect((await csv('Klingon')).problems.map((p) => p.message)).toEqual([
			'Unknown language “Klingon”. Write a language code or name, such as en, fr or Arabic.'
		]);
	});

	it('shows an Arabic speaker the survey in Arabic with each question in English below', async () => {
		const document = (await loadVersionDocument(t.db, versionId))!;
		const policy = await loadProgramLanguages(t.db, program.id);
		expect(surveyLanguage(document, policy, 'ar')).toBe('ar');
		const [first] = surveyPages(document, 'protege', 'pre', 'ar', 'en');
		const question = first!.questions[0]!;
		expect(question.text).toMatch(/\p{Script=Arabic}/u);
		expect(question.textAlso).toEqual({
			text: document.constructs[0]!.items[0]!.wording.protege!.en,
			language: 'en'
		});
	});

	it('keeps a reviewed mark with the version, audited', async () => {
		expect(
			await setLanguageReviewed(t.db, staff, { versionId, language: 'ar', reviewed: true }, null)
		).toBe(true);
		const options = await languageOptions(t.db, staff.organization_id);
		expect(options.find((o) => o.code === 'ar')).toEqual({
			code: 'ar',
			reviewed: true,
			complete: true
		});
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('action', '=', 'instrument.language_reviewed')
			.execute();
		expect(audit).toHaveLength(1);
	});
});
