import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { addMonths, applyRetention, dueForRetention } from '../../src/lib/server/privacy/retention';
import { setRetentionMonths } from '../../src/lib/server/privacy/retention-settings';
import { updateProgramAs } from '../../src/lib/server/programs/program-actions';
import { programToInput } from '../../src/lib/server/programs/programs';
import { cliOutput } from '../helpers/cli';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import {
	MARIA_NEEDLES,
	buildPrivacyWorld,
	findMentions,
	type PrivacyWorld
} from '../helpers/privacy';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;

/** `npm run retention` in a process of its own, on the test database. */
const run = (...args: string[]) => cliOutput('retention', args, t.env);
let ana: StaffUserRow;
let ben: StaffUserRow;
let old: PrivacyWorld;
let recentId: string;
let otherOrgProgramId: string;

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const NOW = at('2027-09-15');

async function close(programId: string, closedOn: string) {
	await t.db
		.updateTable('programs')
		.set({ status: 'closed', closed_at: at(closedOn) })
		.where('id', '=', programId)
		.execute();
}

const people = (programId: string) =>
	t.db
		.selectFrom('participants')
		.selectAll()
		.where('program_id', '=', programId)
		.orderBy('id')
		.execute();

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	await createOrganizationWithStaff(t.db, 'B', [{ email: 'ben@b.org', role: 'coordinator' }]);
	[ana, ben] = await Promise.all([
		staffByEmail(t.db, 'ana@a.org'),
		staffByEmail(t.db, 'ben@b.org')
	]);
	await setRetentionMonths(t.db, ana, 6, null);

	old = await buildPrivacyWorld(t.db, ana);
	await close(old.program.id, '2027-03-10'); // six months ended on 2027-09-10
	const recent = await createTestProgram(t.db, ana, { name: 'Recent cohort' });
	recentId = recent.id;
	await addPeople(t.db, ana, recentId, 'mentor', 2);
	await close(recentId, '2027-03-20'); // due on 2027-09-20
	const running = await createTestProgram(t.db, ana, { name: 'Running cohort' });
	await addPeople(t.db, ana, running.id, 'protege', 2);
	const elsewhere = await createTestProgram(t.db, ben, { name: 'Their cohort' });
	otherOrgProgramId = elsewhere.id;
	await addPeople(t.db, ben, otherOrgProgramId, 'mentor', 1);
	await close(otherOrgProgramId, '2020-01-01'); // no retention period in B
});
afterEach(() => t.close());

describe('retention', () => {
	it('the real run changes exactly what the dry run listed', async () => {
		const dry = await dueForRetention(t.db, NOW);
		expect(dry.map((d) => d.programId)).toEqual([old.program.id]);
		expect(dry[0]!.participantIds).toHaveLength(4);
		const real = await applyRetention(t.db, NOW);
		expect(real).toEqual(dry);
		const erased = await t.db
			.selectFrom('participants')
			.select('id')
			.where('erased_at', '=', NOW)
			.orderBy('id')
			.execute();
		expect(erased.map((e) => e.id)).toEqual(dry.flatMap((d) => d.participantIds).sort());
	});

	it('leaves no name, email or phone of the anonymised people, and writes one audit entry', async () => {
		await applyRetention(t.db, NOW);
		expect(await findMentions(t.db, [...MARIA_NEEDLES, 'Pedro Alves', 'olga@example.org'])).toEqual(
			[]
		);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['actor_staff_id', 'target_id', 'detail'])
			.where('action', '=', 'retention.applied')
			.execute();
		expect(audit).toEqual([
			{ actor_staff_id: null, target_id: old.program.id, detail: '{"people":4}' }
		]);
	});

	it('keeps scored answers and pairs for statistics', async () => {
		const count = async () =>
			(await t.db.selectFrom('responses').select('item_key').execute()).length;
		const before = await count();
		await applyRetention(t.db, NOW);
		expect(await count()).toBe(before - 3); // the three written answers
		expect(await t.db.selectFrom('pairs').select('id').execute()).toHaveLength(2);
	});

	it('does not touch a program closed less than the period ago, an open one or another organization’s', async () => {
		const untouched = await t.db
			.selectFrom('participants')
			.selectAll()
			.where('program_id', '!=', old.program.id)
			.orderBy('id')
			.execute();
		await applyRetention(t.db, NOW);
		expect(
			await t.db
				.selectFrom('participants')
				.selectAll()
				.where('program_id', '!=', old.program.id)
				.orderBy('id')
				.execute()
		).toEqual(untouched);
		expect(untouched.map((p) => p.program_id)).toContain(recentId);
		expect(untouched.map((p) => p.program_id)).toContain(otherOrgProgramId);
	});

	it('finds nothing more to do on the next run, and takes the recent program when its time comes', async () => {
		await applyRetention(t.db, NOW);
		expect(await applyRetention(t.db, NOW + 60_000)).toEqual([]);
		const later = await applyRetention(t.db, at('2027-09-20'));
		expect(later.map((d) => d.programId)).toEqual([recentId]);
		expect((await people(recentId)).every((p) => p.erased_at !== null)).toBe(true);
	});

	it('starts the clock when a program is closed, and stops it when reopened', async () => {
		const program = await createTestProgram(t.db, ana, { name: 'Closing now' });
		const input = programToInput(program);
		await updateProgramAs(t.db, ana, program, { ...input, status: 'closed' }, null);
		const closedAt = async () =>
			(
				await t.db
					.selectFrom('programs')
					.select('closed_at')
					.where('id', '=', program.id)
					.executeTakeFirstOrThrow()
			).closed_at;
		const first = await closedAt();
		expect(first).toBeTypeOf('number');
		await updateProgramAs(
			t.db,
			ana,
			program,
			{ ...input, status: 'closed', name: 'Renamed' },
			null
		);
		expect(await closedAt()).toBe(first);
		await updateProgramAs(t.db, ana, program, { ...input, status: 'active' }, null);
		expect(await closedAt()).toBeNull();
	});

	it.each([
		['2027-01-31', 1, '2027-02-28'],
		['2027-03-10', 6, '2027-09-10'],
		['2027-11-30', 3, '2028-02-29'],
		['2027-05-15', 12, '2028-05-15']
	])('%s plus %i months is %s', (from, months, expected) => {
		expect(new Date(addMonths(at(from), months)).toISOString().slice(0, 10)).toBe(expected);
	});

	it('anonymises each person and audits each program once when two runs overlap', async () => {
		// Two schedulers (two servers, or one and the cron job): both list the same due programs
		// before either writes. On PostgreSQL the two runs use two connections of the pool.
		await close(old.program.id, '2020-01-01');
		await close(recentId, '2020-02-01');
		const runs = await Promise.all([applyRetention(t.db), applyRetention(t.db)]);
		expect(runs.flat().flatMap((target) => target.participantIds)).toHaveLength(6);
		const erased = await t.db
			.selectFrom('participants')
			.select('id')
			.where('erased_at', 'is not', null)
			.execute();
		expect(erased).toHaveLength(6);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('target_id')
			.where('action', '=', 'retention.applied')
			.orderBy('target_id')
			.execute();
		expect(audit.map((row) => row.target_id)).toEqual([old.program.id, recentId].sort());
	});

	it('`npm run retention -- --dry-run` lists what the real run then anonymises', async () => {
		// Closed long enough ago for today's date too.
		await close(old.program.id, '2020-01-01');
		await close(recentId, '2020-02-01');
		const dry = await run('--dry-run');
		expect(dry).toContain('Would anonymise: 6 people in 2 programs.');
		expect(
			await t.db
				.selectFrom('participants')
				.select('id')
				.where('erased_at', 'is not', null)
				.execute()
		).toEqual([]);
		const real = await run();
		expect(real).toContain('Anonymised: 6 people in 2 programs.');
		expect(real.replace('Anonymised', 'Would anonymise')).toBe(dry);
	}, 60_000);
});
