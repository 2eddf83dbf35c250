import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import {
	PARTICIPANTS_PER_PAGE,
	listParticipantsPage
} from '../../src/lib/server/participants/participant-list';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { createTestProgram, participantInput } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;

async function add(names: string[], role: 'mentor' | 'protege' = 'protege'): Promise<void> {
	await insertParticipants(
		t.db,
		{ organizationId: staff.organization_id, programId: program.id },
		names.map((name, i) =>
			participantInput({
				role,
				name,
				email: `${role}-${i}-${name.length}@example.org`,
				language: 'fr'
			})
		)
	);
}

const page = (n: number, filter = {}, locale = 'fr') =>
	listParticipantsPage(t.db, staff.organization_id, program.id, filter, n, locale);

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'c@a.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'c@a.org');
	program = await createTestProgram(t.db, staff, { name: 'P' });
});
afterEach(() => t.close());

describe('the participants list', () => {
	it('sorts names as a reader expects, accents and case aside', async () => {
		await add(['Bouchard', 'émilie Roy', 'Bélanger', 'Zoë 10', 'Zoë 9', 'Éric Gagné', 'adam Nour']);
		const names = (await page(1)).rows.map((row) => row.name);
		expect(names).toEqual([
			'adam Nour',
			'Bélanger',
			'Bouchard',
			'émilie Roy',
			'Éric Gagné',
			'Zoë 9',
			'Zoë 10'
		]);
	});

	it('shows 50 a page, counts every match, and keeps a page number in range', async () => {
		const names = Array.from({ length: 120 }, (_, i) => `Person ${String(i).padStart(3, '0')}`);
		await add(names.slice(0, 100));
		await add(names.slice(100), 'mentor');
		const second = await page(2);
		expect(second).toMatchObject({ total: 120, page: 2, pageCount: 3, first: 51 });
		expect(second.rows.map((row) => row.name)).toEqual(names.slice(50, 100));
		const last = await page(99);
		expect(last).toMatchObject({ page: 3, first: 101 });
		expect(last.rows).toHaveLength(20);
		expect((await page(-4)).page).toBe(1);
		expect(PARTICIPANTS_PER_PAGE).toBe(50);

		const mentors = await page(1, { role: 'mentor' });
		expect(mentors).toMatchObject({ total: 20, pageCount: 1 });
		expect(mentors.rows.every((row) => row.role === 'mentor')).toBe(true);
		expect((await page(1, { search: 'person 11' })).rows.map((row) => row.name)).toEqual(
			names.slice(110, 120)
		);
	});

	it('finds a name typed without its accents or capitals, and takes % and _ as typed', async () => {
		await add(['Émilie Côté', 'Ana 50% Silva', 'Ana_Lopes', 'Anais Roy']);
		const found = async (search: string) => (await page(1, { search })).rows.map((row) => row.name);
		expect(await found('emilie')).toEqual(['Émilie Côté']);
		expect(await found('ÉMILIE CÔTÉ')).toEqual(['Émilie Côté']);
		expect(await found('cote')).toEqual(['Émilie Côté']);
		expect(await found('50%')).toEqual(['Ana 50% Silva']);
		expect(await found('%')).toEqual(['Ana 50% Silva']);
		expect(await found('ana_')).toEqual(['Ana_Lopes']);
		expect(await found('anaïs')).toEqual(['Anais Roy']);
	});

	it('answers an empty program with no rows and one page', async () => {
		expect(await page(3)).toEqual({ rows: [], total: 0, page: 1, pageCount: 1, first: 1 });
	});
});
