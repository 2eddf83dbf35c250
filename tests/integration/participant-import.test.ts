import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createEmployer } from '../../src/lib/server/employers/employers';
import {
	findImport,
	importParticipants,
	storeUpload
} from '../../src/lib/server/participants/participant-import';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { createProgram, findProgram } from '../../src/lib/server/programs/programs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { participantInput } from '../helpers/programs';

let t: TestDatabase;

interface Side {
	staff: StaffUserRow;
	program: Program;
}
let ours: Side;
let theirs: Side;

async function makeSide(name: string, email: string): Promise<Side> {
	const org = await createOrganizationWithStaff(t.db, name, [{ email, role: 'coordinator' }]);
	const staff = await t.db
		.selectFrom('staff_users')
		.selectAll()
		.where('id', '=', org.staffIds[0]!)
		.executeTakeFirstOrThrow();
	return { staff, program: await makeProgram(org.organizationId) };
}

async function makeProgram(organizationId: string): Promise<Program> {
	const id = await createProgram(t.db, organizationId, {
		name: 'Cohort',
		description: '',
		startDate: '2027-03-01',
		endDate: '2027-06-30',
		defaultLanguage: 'en',
		status: 'active',
		watchThreshold: 0.7,
		riskThreshold: 0.5,
		pairsSeeSummary: false,
		mentorMultipleProteges: false
	});
	return (await findProgram(t.db, organizationId, id))!;
}

const GOOD = [
	'\uFEFFrôle;nom;courriel;langue;employeur;date de consentement',
	'mentor;Alex Martin;alex@example.org;en;acme inc;15/01/2027',
	'protégée;Zoë Bélanger-Côté;zoe@example.org;fr;;',
	'employeur;Priya Raman;priya@globex.example;en;Globex;'
].join('\r\n');

async function snapshot() {
	const [participants, employers, audit, imports] = await Promise.all([
		t.db.selectFrom('participants').selectAll().orderBy('id').execute(),
		t.db.selectFrom('employers').selectAll().orderBy('id').execute(),
		t.db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
		t.db.selectFrom('participant_imports').select(['id', 'completed_at']).orderBy('id').execute()
	]);
	return { participants, employers, audit, imports };
}

beforeAll(async () => {
	t = await createTestDatabase();
	ours = await makeSide('Ours', 'ours@a.org');
	theirs = await makeSide('Theirs', 'theirs@b.org');
	await createEmployer(t.db, ours.program.organization_id, 'Acme Inc');
});
afterAll(() => t.close());

describe('importing a stored file', () => {
	let program: Program;
	beforeEach(async () => {
		program = await makeProgram(ours.program.organization_id);
	});

	it('saves nothing and lists problems when the employers may not be created', async () => {
		const before = await snapshot();
		const importId = await storeUpload(t.db, ours.staff, program.id, 'cohort.csv', GOOD);
		const afterStore = await snapshot();
		const outcome = await importParticipants(t.db, ours.staff, program, importId, {
			createEmployers: false
		});
		expect(outcome).toEqual({
			ok: false,
			problems: [{ row: 4, column: 'employeur', message: expect.stringContaining('Globex') }]
		});
		expect(await snapshot()).toEqual(afterStore);
		expect(afterStore.participants).toEqual(before.participants);
	});

	it('creates the missing employers when asked, links everyone, and records one audit entry', async () => {
		const importId = await storeUpload(t.db, ours.staff, program.id, 'cohort.csv', GOOD);
		const outcome = await importParticipants(t.db, ours.staff, program, importId, {
			createEmployers: true,
			ip: '203.0.113.9'
		});
		expect(outcome).toEqual({ ok: true, count: 3 });

		const employers = await t.db
			.selectFrom('employers')
			.select(['id', 'name'])
			.where('organization_id', '=', program.organization_id)
			.execute();
		const idOf = (name: string) => employers.find((e) => e.name === name)?.id;
		expect(employers.map((e) => e.name).sort()).toEqual(['Acme Inc', 'Globex']);

		const people = await t.db
			.selectFrom('participants')
			.select(['role', 'name', 'email', 'language', 'employer_id', 'consent_date', 'status'])
			.where('program_id', '=', program.id)
			.orderBy('email')
			.execute();
		expect(people).toEqual([
			{
				role: 'mentor',
				name: 'Alex Martin',
				email: 'alex@example.org',
				language: 'en',
				employer_id: idOf('Acme Inc'),
				consent_date: '2027-01-15',
				status: 'active'
			},
			{
				role: 'employer',
				name: 'Priya Raman',
				email: 'priya@globex.example',
				language: 'en',
				employer_id: idOf('Globex'),
				consent_date: null,
				status: 'active'
			},
			{
				role: 'protege',
				name: 'Zoë Bélanger-Côté',
				email: 'zoe@example.org',
				language: 'fr',
				employer_id: null,
				consent_date: null,
				status: 'active'
			}
		]);

		const audit = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'participants.imported')
			.where('target_id', '=', program.id)
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor_staff_id: ours.staff.id, ip: '203.0.113.9' });
		expect(JSON.parse(audit[0]!.detail!)).toEqual({
			count: 3,
			fileName: 'cohort.csv',
			importId,
			createdEmployers: ['Globex']
		});
		const stored = await findImport(t.db, program.organization_id, program.id, importId);
		expect(stored?.completed_at).toEqual(expect.any(Number));
		// The people are participants now: their names and emails leave the stored file.
		expect(stored?.content).toBe('');
	});

	it('imports a file only once', async () => {
		const importId = await storeUpload(t.db, ours.staff, program.id, 'cohort.csv', GOOD);
		const options = { createEmployers: true };
		expect(await importParticipants(t.db, ours.staff, program, importId, options)).toMatchObject({
			ok: true
		});
		const before = await snapshot();
		const again = await importParticipants(t.db, ours.staff, program, importId, options);
		expect(again).toMatchObject({ ok: false, problems: [{ row: null, column: null }] });
		expect(await snapshot()).toEqual(before);
	});

	it('checks again at confirmation: an email added since the preview refuses the whole file', async () => {
		const importId = await storeUpload(t.db, ours.staff, program.id, 'cohort.csv', GOOD);
		await insertParticipants(
			t.db,
			{ organizationId: program.organization_id, programId: program.id },
			[
				participantInput({
					role: 'protege',
					name: 'Zoë B.',
					email: 'ZOE@example.org',
					language: 'fr'
				})
			]
		);
		const before = await snapshot();
		const outcome = await importParticipants(t.db, ours.staff, program, importId, {
			createEmployers: true
		});
		expect(outcome).toMatchObject({ ok: false, problems: [{ row: 3, column: 'courriel' }] });
		expect(await snapshot()).toEqual(before);
	});
});

describe("another program's or organization's import", () => {
	it('is not found, and cannot be imported', async () => {
		const importId = await storeUpload(t.db, theirs.staff, theirs.program.id, 'x.csv', GOOD);
		const otherProgram = await makeProgram(ours.program.organization_id);
		const before = await snapshot();

		expect(
			await findImport(t.db, ours.program.organization_id, theirs.program.id, importId)
		).toBeNull();
		expect(
			await findImport(t.db, ours.program.organization_id, ours.program.id, importId)
		).toBeNull();
		expect(
			await findImport(t.db, theirs.program.organization_id, theirs.program.id, importId)
		).not.toBeNull();

		for (const program of [theirs.program, ours.program, otherProgram]) {
			const outcome = await importParticipants(t.db, ours.staff, program, importId, {
				createEmployers: true
			});
			expect(outcome).toBeNull();
		}
		expect(await snapshot()).toEqual(before);
	});
});
