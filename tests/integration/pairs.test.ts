import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { changePairStatusIn, createPair } from '../../src/lib/server/pairs/pair-actions';
import { findPair, pairablePeople, pairHistory } from '../../src/lib/server/pairs/pairs';
import {
	addParticipant,
	withdrawParticipant
} from '../../src/lib/server/participants/participant-actions';
import { findParticipant } from '../../src/lib/server/participants/participants';
import { findProgram } from '../../src/lib/server/programs/programs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let outsider: StaffUserRow;
let program: Program;
let mentors: string[];
let proteges: string[];

const person = async (id: string) =>
	(await findParticipant(t.db, staff.organization_id, program.id, id))!;
const withdraw = async (id: string, reason: string) =>
	withdrawParticipant(t.db, staff, await person(id), reason, null);
const endEarly = (pairId: string) =>
	changePairStatusIn(
		t.db,
		staff,
		program.id,
		pairId,
		{ status: 'ended_early', reason: 'No time', closureReason: 'personal' },
		null
	);
const pairUp = (mentorId: string, protegeId: string, p = program) =>
	createPair(t.db, staff, p, { mentorId, protegeId, employerId: null, coordinatorId: null }, null);

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	await createOrganizationWithStaff(t.db, 'B', [{ email: 'coord@b.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'coord@a.org');
	outsider = await staffByEmail(t.db, 'coord@b.org');
	program = await createTestProgram(t.db, staff);
	mentors = await addPeople(t.db, staff, program.id, 'mentor', 2);
	proteges = await addPeople(t.db, staff, program.id, 'protege', 3);
});
afterEach(() => t.close());

describe('pairing rules', () => {
	it('pairs an unpaired mentor and protégé, and records the start in the history', async () => {
		const result = await pairUp(mentors[0]!, proteges[0]!);
		if (!result.ok) throw new Error(result.reason);
		const history = await pairHistory(t.db, result.pairId);
		expect(history).toMatchObject([{ from_status: null, to_status: 'active' }]);
	});

	it('refuses a protégé who is already paired', async () => {
		await pairUp(mentors[0]!, proteges[0]!);
		expect(await pairUp(mentors[1]!, proteges[0]!)).toEqual({ ok: false, reason: 'protege_taken' });
	});

	it('gives a mentor a second protégé only when the program allows it', async () => {
		await pairUp(mentors[0]!, proteges[0]!);
		expect(await pairUp(mentors[0]!, proteges[1]!)).toEqual({ ok: false, reason: 'mentor_taken' });
		await t.db
			.updateTable('programs')
			.set({ mentor_multiple_proteges: 1 })
			.where('id', '=', program.id)
			.execute();
		const allowing = (await findProgram(t.db, staff.organization_id, program.id))!;
		expect((await pairUp(mentors[0]!, proteges[1]!, allowing)).ok).toBe(true);
	});

	it('refuses people in the wrong role, from another program, or withdrawn', async () => {
		expect(await pairUp(proteges[0]!, proteges[1]!)).toEqual({ ok: false, reason: 'not_found' });
		const other = await createTestProgram(t.db, staff, { name: 'Other' });
		const [stranger] = await addPeople(t.db, staff, other.id, 'protege', 1);
		expect(await pairUp(mentors[0]!, stranger!)).toEqual({ ok: false, reason: 'not_found' });
		await withdraw(proteges[2]!, 'Moved away');
		expect(await pairUp(mentors[0]!, proteges[2]!)).toEqual({ ok: false, reason: 'withdrawn' });
	});

	it('refuses new pairs in a closed program', async () => {
		const closed = { ...program, status: 'closed' as const };
		expect(await pairUp(mentors[0]!, proteges[0]!, closed)).toEqual({
			ok: false,
			reason: 'program_closed'
		});
	});

	it('frees people again when their pair ends', async () => {
		const first = await pairUp(mentors[0]!, proteges[0]!);
		if (!first.ok) throw new Error();
		await endEarly(first.pairId);
		expect((await pairUp(mentors[0]!, proteges[1]!)).ok).toBe(true);
		expect((await pairUp(mentors[1]!, proteges[0]!)).ok).toBe(true);
	});

	it('offers for pairing only the active people in no running pair', async () => {
		const ids = async (p = program) => {
			const { mentors: m, proteges: p2 } = await pairablePeople(t.db, p);
			return { mentors: m.map((x) => x.id).sort(), proteges: p2.map((x) => x.id).sort() };
		};
		const first = await pairUp(mentors[0]!, proteges[0]!);
		if (!first.ok) throw new Error();
		await withdraw(proteges[2]!, 'Moved away');
		expect(await ids()).toEqual({ mentors: [mentors[1]!], proteges: [proteges[1]!] });

		const allowing = { ...program, mentor_multiple_proteges: 1 };
		expect((await ids(allowing)).mentors).toEqual([...mentors].sort());

		await endEarly(first.pairId);
		expect(await ids()).toEqual({
			mentors: [...mentors].sort(),
			proteges: [proteges[0]!, proteges[1]!].sort()
		});
		const other = await createTestProgram(t.db, staff, { name: 'Other' });
		expect(await ids(other)).toEqual({ mentors: [], proteges: [] });
	});
});

describe('pair status', () => {
	it('keeps every change with its reason, newest first', async () => {
		const created = await pairUp(mentors[0]!, proteges[0]!);
		if (!created.ok) throw new Error();
		await changePairStatusIn(
			t.db,
			staff,
			program.id,
			created.pairId,
			{ status: 'paused', reason: 'Mentor travelling in May' },
			null
		);
		await changePairStatusIn(
			t.db,
			staff,
			program.id,
			created.pairId,
			{ status: 'active', reason: 'Back from travel' },
			null
		);
		const history = await pairHistory(t.db, created.pairId);
		expect(history.map((h) => [h.from_status, h.to_status, h.reason])).toEqual([
			['paused', 'active', 'Back from travel'],
			['active', 'paused', 'Mentor travelling in May'],
			[null, 'active', '']
		]);
		expect(history[0]!.changedByName).toBe('coord');
	});

	it('refuses the same status, and any change after the pair ended', async () => {
		const created = await pairUp(mentors[0]!, proteges[0]!);
		if (!created.ok) throw new Error();
		const change = (status: 'active' | 'completed' | 'paused') =>
			changePairStatusIn(
				t.db,
				staff,
				program.id,
				created.pairId,
				{ status, reason: 'x', closureReason: 'completed' },
				null
			);
		expect(await change('active')).toEqual({ ok: false, reason: 'same_status' });
		expect((await change('completed')).ok).toBe(true);
		expect(await change('paused')).toEqual({ ok: false, reason: 'final' });
	});
});

describe('withdrawal', () => {
	it('keeps the person on record and ends their running pairs with the reason', async () => {
		const created = await pairUp(mentors[0]!, proteges[0]!);
		if (!created.ok) throw new Error();
		const before = await person(proteges[0]!);
		await withdraw(proteges[0]!, 'Found a job');
		expect(await person(proteges[0]!)).toMatchObject({
			status: 'withdrawn',
			withdrawn_reason: 'Found a job',
			name: before.name
		});
		const pair = (await findPair(t.db, staff.organization_id, program.id, created.pairId))!;
		expect(pair.status).toBe('ended_early');
		expect((await pairHistory(t.db, pair.id))[0]).toMatchObject({
			to_status: 'ended_early',
			reason: 'Found a job'
		});
	});

	it('refuses a second person with the same email in a program, whatever its case', async () => {
		const input = {
			role: 'mentor' as const,
			name: 'X',
			email: 'MENTOR1@example.org',
			phone: null,
			language: 'en',
			occupation: null,
			employerId: null,
			consentDate: null,
			notes: ''
		};
		expect(await addParticipant(t.db, staff, program.id, input, null)).toEqual({
			ok: false,
			reason: 'email_taken'
		});
	});
});

describe('organization scoping', () => {
	it("finds nothing of another organization's program, people or pairs", async () => {
		const created = await pairUp(mentors[0]!, proteges[0]!);
		if (!created.ok) throw new Error();
		expect(await findProgram(t.db, outsider.organization_id, program.id)).toBeNull();
		expect(
			await findParticipant(t.db, outsider.organization_id, program.id, mentors[0]!)
		).toBeNull();
		expect(await findPair(t.db, outsider.organization_id, program.id, created.pairId)).toBeNull();
		const change = await changePairStatusIn(
			t.db,
			outsider,
			program.id,
			created.pairId,
			{ status: 'paused', reason: 'x' },
			null
		);
		expect(change).toEqual({ ok: false, reason: 'not_found' });
		expect((await findPair(t.db, staff.organization_id, program.id, created.pairId))!.status).toBe(
			'active'
		);
	});

	it('audits every change', async () => {
		const created = await pairUp(mentors[0]!, proteges[0]!);
		if (!created.ok) throw new Error();
		await changePairStatusIn(
			t.db,
			staff,
			program.id,
			created.pairId,
			{ status: 'paused', reason: 'x' },
			null
		);
		const actions = (
			await t.db
				.selectFrom('audit_log')
				.select('action')
				.where('actor_staff_id', '=', staff.id)
				.execute()
		).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['pair.created', 'pair.status_changed']));
	});
});
