import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { createTestDatabase, openAnotherConnection, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

/**
 * The guards that read and then write (one running pair per protégé) were written for SQLite's
 * single writer. On PostgreSQL, several server processes run them at once: each process here is a
 * connection pool of its own, and every one of them tries the same forbidden thing together.
 */
const PROCESSES = 6;

let t: TestDatabase;
let processes: Db[];
let staff: StaffUserRow;

beforeAll(async () => {
	t = await createTestDatabase();
	processes = Array.from({ length: PROCESSES }, () => openAnotherConnection(t));
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'coord@a.org');
});
afterAll(async () => {
	await Promise.all(processes.map((db) => db.destroy()));
	await t.close();
});

describe('read-then-write guards across processes', () => {
	it('pairs a protégé once when six processes pair her with six mentors at the same moment', async () => {
		for (let round = 0; round < 5; round++) {
			const program = await createTestProgram(t.db, staff, { name: `Cohort ${round}` });
			const mentors = await addPeople(t.db, staff, program.id, 'mentor', PROCESSES);
			const [protegeId] = await addPeople(t.db, staff, program.id, 'protege', 1);
			const results = await Promise.all(
				processes.map((db, i) =>
					createPair(
						db,
						staff,
						program,
						{ mentorId: mentors[i]!, protegeId: protegeId!, employerId: null, coordinatorId: null },
						null
					)
				)
			);
			expect(results.filter((result) => result.ok)).toHaveLength(1);
			const pairs = await t.db
				.selectFrom('pairs')
				.select('id')
				.where('protege_id', '=', protegeId!)
				.execute();
			expect(pairs).toHaveLength(1);
		}
	});
});
