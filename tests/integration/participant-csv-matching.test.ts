import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { readParticipantCsv } from '../../src/lib/server/participants/csv-import';
import { participantTemplate } from '../../src/lib/server/participants/csv-template';
import {
	importParticipants,
	storeUpload
} from '../../src/lib/server/participants/participant-import';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;

const FIELDS = ['Santé', 'Génie civil', 'Comptabilité'];

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'coord@a.org');
});
afterAll(() => t.close());

const withFields = () => createTestProgram(t.db, staff, { fields: FIELDS, fieldRule: 'bonus' });

const read = (text: string, fields: readonly string[] = FIELDS) =>
	readParticipantCsv(text, { existingEmails: new Set(), employers: [], fields });

/** Imports the file into the program; the outcome, and who is in the program afterwards. */
async function importInto(program: Program, text: string) {
	const importId = await storeUpload(t.db, staff, program.id, 'people.csv', text);
	const outcome = await importParticipants(t.db, staff, program, importId, {
		createEmployers: false
	});
	const people = await t.db
		.selectFrom('participants')
		.select(['email', 'capacity', 'field', 'languages'])
		.where('program_id', '=', program.id)
		.orderBy('email')
		.execute();
	return { outcome, people };
}

describe('the capacity, field and languages columns', () => {
	it('imports them under English headers', async () => {
		const program = await withFields();
		const { outcome, people } = await importInto(
			program,
			[
				'role,name,email,language,capacity,field,languages',
				'mentor,Alex Martin,alex@example.org,en,3,génie civil,"Arabic, es"',
				'mentor,Bo Li,bo@example.org,fr,,,',
				'protege,Zoë Côté,zoe@example.org,fr,5,SANTE,"French; Ukrainian, zh-Hans"'
			].join('\r\n')
		);
		expect(outcome).toEqual({ ok: true, count: 3 });
		expect(people).toEqual([
			{ email: 'alex@example.org', capacity: 3, field: 'Génie civil', languages: 'ar,es' },
			{ email: 'bo@example.org', capacity: null, field: null, languages: '' },
			{ email: 'zoe@example.org', capacity: null, field: 'Santé', languages: 'uk,zh-hans' }
		]);
	});

	it.each([
		['capacité', 'domaine', 'langues'],
		['Capacite', 'Domaine', 'Autres langues']
	])('imports them under French headers (%s, %s, %s)', async (capacity, field, languages) => {
		const program = await withFields();
		const { outcome, people } = await importInto(
			program,
			[
				`\uFEFFrôle;nom;courriel;langue;${capacity};${field};${languages}`,
				'mentor;Alex Martin;alex@example.org;fr;2;Comptabilité;arabe, espagnol',
				'mentorée;Zoë Côté;zoe@example.org;fr;;santé;persan'
			].join('\r\n')
		);
		expect(outcome).toEqual({ ok: true, count: 2 });
		expect(people).toEqual([
			{ email: 'alex@example.org', capacity: 2, field: 'Comptabilité', languages: 'ar,es' },
			{ email: 'zoe@example.org', capacity: null, field: 'Santé', languages: 'fa' }
		]);
	});

	it('lists a bad field, a bad capacity and an unknown language on their rows, and imports nobody', async () => {
		const program = await withFields();
		const text = [
			'role,name,email,language,capacity,field,languages',
			'mentor,Alex Martin,alex@example.org,en,0,Astrology,',
			'mentor,Bo Li,bo@example.org,en,twenty,,"Arabic, Klingon"',
			'protege,Zoë Côté,zoe@example.org,fr,lots,Santé,es'
		].join('\n');
		expect((await read(text)).problems).toEqual([
			{
				row: 2,
				column: 'capacity',
				message: '“0” is not a whole number from 1 to 20. Leave the cell empty for 1.'
			},
			{
				row: 2,
				column: 'field',
				message: '“Astrology” is not one of this program’s fields: Santé, Génie civil, Comptabilité'
			},
			{
				row: 3,
				column: 'capacity',
				message: '“twenty” is not a whole number from 1 to 20. Leave the cell empty for 1.'
			},
			{
				row: 3,
				column: 'languages',
				message:
					'“Klingon” is not a language we know. Write its name (Arabic, espagnol) or its code (ar, es).'
			}
		]);
		const { outcome, people } = await importInto(program, text);
		expect(outcome).toMatchObject({ ok: false, problems: { length: 4 } });
		expect(people).toEqual([]);
	});

	it('says when the program has no fields yet', async () => {
		const text = ['role,name,email,language,field', 'mentor,Alex,alex@example.org,en,Santé'].join(
			'\n'
		);
		expect((await read(text, [])).problems).toEqual([
			{
				row: 2,
				column: 'field',
				message:
					'This program has no fields yet. Add them in the program’s settings, or leave this cell empty.'
			}
		]);
	});
});

describe('the template', () => {
	it.each([
		['en', ','],
		['fr', ';']
	] as const)('has the new columns and reads without a problem (%s)', async (locale, delimiter) => {
		const template = participantTemplate(locale, delimiter, FIELDS);
		const header = template.slice(1).split('\r\n')[0]!.split(delimiter);
		expect(header.slice(-3)).toEqual(
			locale === 'fr' ? ['capacité', 'domaine', 'langues'] : ['capacity', 'field', 'languages']
		);
		const result = await read(template.slice(1));
		expect(result.problems).toEqual([]);
		expect(result.rows.map((row) => [row.capacity, row.field, row.languages])).toEqual([
			[2, 'Santé', ['es']],
			[null, 'Génie civil', ['ar', 'es']],
			[null, null, []]
		]);
	});

	it('leaves the field empty for a program without fields', async () => {
		const result = await read(participantTemplate('en', ',').slice(1), []);
		expect(result.problems).toEqual([]);
		expect(result.rows.map((row) => row.field)).toEqual([null, null, null]);
	});
});
