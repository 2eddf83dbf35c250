import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant, Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { participantSchema } from '../../src/lib/server/forms/program-schemas';
import { readForm, type FormProblem } from '../../src/lib/server/forms/read-form';
import {
	addParticipant,
	editParticipant
} from '../../src/lib/server/participants/participant-actions';
import {
	PARTICIPANT_FIELDS,
	matchingFacts,
	participantRefusal,
	participantValues
} from '../../src/lib/server/participants/participant-form';
import { eraseParticipant } from '../../src/lib/server/privacy/erase-participant';
import { participantRecord } from '../../src/lib/server/privacy/participant-record';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let emails = 0;

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'coord@a.org');
	program = await createTestProgram(t.db, staff, {
		fields: ['Health care', 'Engineering'],
		fieldRule: 'bonus'
	});
});
afterAll(() => t.close());

const person = (id: string) =>
	t.db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const peopleCount = async () =>
	Number(
		(
			await t.db
				.selectFrom('participants')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

/**
 * The add or edit form as posted, read and saved as the pages do: the new person's id, or the
 * refusal with its messages and the values shown again.
 */
async function submit(
	fields: Record<string, string>,
	existing?: Participant
): Promise<{ id: string } | FormProblem> {
	const body = new URLSearchParams({
		role: 'mentor',
		name: 'Ana',
		email: `person${++emails}@example.org`,
		language: 'en',
		...fields
	});
	const request = new Request('http://tandem.test/participants', { method: 'POST', body });
	const form = await readForm(request, participantSchema, PARTICIPANT_FIELDS);
	if (!form.ok) return form.failure.data;
	const result = existing
		? await editParticipant(t.db, staff, existing, form.data, null)
		: await addParticipant(t.db, staff, program.id, form.data, null);
	return result.ok ? { id: result.id } : participantRefusal(result, form.data).data;
}

async function added(fields: Record<string, string>): Promise<Participant> {
	const result = await submit(fields);
	if (!('id' in result)) throw new Error(JSON.stringify(result.errors));
	return person(result.id);
}

describe('a mentor’s capacity', () => {
	it.each([
		['3', 3],
		[' 20 ', 20],
		['1', 1],
		['', null]
	])('saves “%s” as %s (blank is one)', async (typed, capacity) => {
		expect((await added({ capacity: typed })).capacity).toBe(capacity);
	});

	it.each(['0', '21', '2.5', 'two', '-1'])('refuses “%s” and adds nobody', async (typed) => {
		const before = await peopleCount();
		const result = await submit({ capacity: typed, name: 'Kept' });
		expect(result).toMatchObject({
			errors: { capacity: 'Write a whole number from 1 to 20, or leave it blank for 1' },
			values: { capacity: typed, name: 'Kept' }
		});
		expect(await peopleCount()).toBe(before);
	});

	it('is ignored for a protégé or an employer contact, whatever was typed', async () => {
		expect((await added({ role: 'protege', capacity: 'lots' })).capacity).toBeNull();
		expect((await added({ role: 'employer', capacity: '4' })).capacity).toBeNull();
	});

	it('goes when a mentor becomes a protégé, and stays when a form without it is saved', async () => {
		const mentor = await added({ capacity: '4' });
		const untouched = await submit({ email: mentor.email, name: 'Renamed' }, mentor);
		expect(untouched).toEqual({ id: mentor.id });
		expect(await person(mentor.id)).toMatchObject({ name: 'Renamed', capacity: 4 });
		await submit({ email: mentor.email, role: 'protege', capacity: '4' }, mentor);
		expect((await person(mentor.id)).capacity).toBeNull();
	});

	it('is said beside the other mistakes, not after they are fixed', async () => {
		const result = await submit({ capacity: '99', name: '', language: 'tlh' });
		const errors = Object.keys((result as FormProblem).errors).sort();
		expect(errors).toEqual(['capacity', 'language', 'name']);
	});
});

describe('a person’s field', () => {
	it('saves one of the program’s fields, or none', async () => {
		expect((await added({ field: 'Engineering' })).field).toBe('Engineering');
		expect((await added({ field: '' })).field).toBeNull();
	});

	it('refuses a field the program does not list, keeping what was typed', async () => {
		const before = await peopleCount();
		const result = await submit({ field: 'Astrology', languages: 'arabe, es', name: 'Kept' });
		expect(result).toMatchObject({
			errors: { field: 'Choose a field from the program’s list' },
			values: { field: 'Astrology', name: 'Kept', languages: 'Arabic, Spanish' }
		});
		expect(await peopleCount()).toBe(before);
	});

	it('keeps a field the program no longer lists until someone changes it', async () => {
		const nurse = await added({ field: 'Health care' });
		await t.db
			.updateTable('programs')
			.set({ fields: JSON.stringify(['Engineering']) })
			.where('id', '=', program.id)
			.execute();
		try {
			const kept = await submit({ email: nurse.email, field: 'Health care', name: 'N' }, nurse);
			expect(kept).toEqual({ id: nurse.id });
			const other = await submit({ email: nurse.email, field: 'Nursing' }, nurse);
			expect(other).toMatchObject({ errors: { field: 'Choose a field from the program’s list' } });
			expect(await person(nurse.id)).toMatchObject({ name: 'N', field: 'Health care' });
		} finally {
			await t.db
				.updateTable('programs')
				.set({ fields: program.fields })
				.where('id', '=', program.id)
				.execute();
		}
	});
});

describe('other languages spoken', () => {
	it('saves names in English or French and codes as lowercase codes, each once', async () => {
		const saved = await added({ languages: 'Arabic, ES; espagnol, Ukrainien, zh-Hans' });
		expect(saved.languages).toBe('ar,es,uk,zh-hans');
		expect(participantValues(saved).languages).toBe(
			'Arabic, Spanish, Ukrainian, Simplified Chinese'
		);
	});

	it('leaves out the preferred language, which counts already', async () => {
		expect((await added({ language: 'fr', languages: 'French, Arabic' })).languages).toBe('ar');
	});

	it('refuses a word that is no language, naming it, and adds nobody', async () => {
		const before = await peopleCount();
		const result = await submit({ languages: 'Arabic, Klingon', name: 'Kept' });
		expect(result).toMatchObject({
			errors: {
				languages:
					'“Klingon” is not a language we know. Write its name (Arabic, espagnol) or its code (ar, es).'
			},
			values: { languages: 'Arabic, Klingon', name: 'Kept' }
		});
		expect(await peopleCount()).toBe(before);
	});

	it('shows capacity, field and every language spoken at the top of the person’s page', async () => {
		const mentor = await added({ capacity: '2', field: 'Engineering', languages: 'fa' });
		expect(matchingFacts(mentor, 'en')).toEqual({
			capacity: 2,
			field: 'Engineering',
			languages: 'English, Persian'
		});
		const protege = await added({ role: 'protege', capacity: '2' });
		expect(matchingFacts(protege, 'fr')).toEqual({
			capacity: null,
			field: null,
			languages: 'anglais'
		});
	});
});

describe('privacy', () => {
	it('gives capacity, field and languages in the person’s own download', async () => {
		const mentor = await added({ capacity: '3', field: 'Health care', languages: 'ar, tl' });
		const record = await participantRecord(t.db, mentor, Date.now());
		expect(record.profile).toMatchObject({
			capacity: 3,
			field: 'Health care',
			other_languages: ['ar', 'tl']
		});
	});

	it('clears field and languages when the person’s identity is erased', async () => {
		const mentor = await added({ capacity: '3', field: 'Health care', languages: 'ar, tl' });
		await eraseParticipant(t.db, staff, mentor, 'anonymise', null);
		expect(await person(mentor.id)).toMatchObject({ field: null, languages: '' });
	});
});
