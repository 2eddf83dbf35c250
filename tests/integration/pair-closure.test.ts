import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { pairsTable } from '../../src/lib/server/exports/pairs-export';
import { programPseudonyms } from '../../src/lib/server/exports/pseudonyms';
import { pairStatusSchema } from '../../src/lib/server/forms/program-schemas';
import { closureCounts } from '../../src/lib/server/pairs/closures';
import { changePairStatusIn, createPair } from '../../src/lib/server/pairs/pair-actions';
import { pairLineage } from '../../src/lib/server/pairs/pair-lineage';
import { findPair, pairHistory } from '../../src/lib/server/pairs/pairs';
import { withdrawParticipant } from '../../src/lib/server/participants/participant-actions';
import {
	answerExitSurvey,
	openExitSurveys,
	sendExitSurveys
} from '../../src/lib/server/pulse/exit-surveys';
import { findParticipant } from '../../src/lib/server/participants/participants';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let mentors: string[];
let proteges: string[];

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	staff = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	program = await createTestProgram(t.db, staff);
	mentors = await addPeople(t.db, staff, program.id, 'mentor', 3);
	proteges = await addPeople(t.db, staff, program.id, 'protege', 3);
});
afterEach(() => t.close());

async function pairUp(mentor: number, protege: number): Promise<string> {
	const created = await createPair(
		t.db,
		staff,
		program,
		{
			mentorId: mentors[mentor]!,
			protegeId: proteges[protege]!,
			employerId: null,
			coordinatorId: null
		},
		null
	);
	if (!created.ok) throw new Error(created.reason);
	return created.pairId;
}

const pairRow = (pairId: string) =>
	t.db.selectFrom('pairs').selectAll().where('id', '=', pairId).executeTakeFirstOrThrow();

describe('closing a pair', () => {
	it('requires a coded reason to end it, early or completed, and changes nothing without one', async () => {
		const pairId = await pairUp(0, 0);
		for (const status of ['ended_early', 'completed'] as const) {
			const form = pairStatusSchema.safeParse({ status, reason: 'Moved to Calgary' });
			expect(form.success).toBe(false);
			expect(form.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
				['closureReason', 'Choose why the pair ends.']
			]);
			const refused = await changePairStatusIn(
				t.db,
				staff,
				program.id,
				pairId,
				{ status, reason: 'Moved to Calgary' },
				null
			);
			expect(refused).toEqual({ ok: false, reason: 'closure_reason' });
		}
		expect((await pairRow(pairId)).status).toBe('active');
		expect(await pairHistory(t.db, pairId)).toHaveLength(1);
		// A pause needs none, and a reason sent with it is not kept.
		const pause = pairStatusSchema.parse({
			status: 'paused',
			reason: 'Travel',
			closureReason: 'other'
		});
		expect(pause.closureReason).toBeNull();
		expect((await changePairStatusIn(t.db, staff, program.id, pairId, pause, null)).ok).toBe(true);
		expect((await pairRow(pairId)).closure_reason).toBeNull();
	});

	it('keeps the reason, audits it, and counts pairs by reason', async () => {
		const moved = await pairUp(0, 0);
		const done = await pairUp(1, 1);
		const change = pairStatusSchema.parse({
			status: 'ended_early',
			reason: 'Moved to Calgary',
			closureReason: 'moved_away'
		});
		expect((await changePairStatusIn(t.db, staff, program.id, moved, change, null)).ok).toBe(true);
		const completed = {
			status: 'completed' as const,
			reason: 'Hired',
			closureReason: 'work_in_field' as const
		};
		expect((await changePairStatusIn(t.db, staff, program.id, done, completed, null)).ok).toBe(
			true
		);
		expect((await pairRow(moved)).closure_reason).toBe('moved_away');
		const audit = await t.db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'pair.status_changed')
			.where('target_id', '=', moved)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.detail!)).toEqual({
			from: 'active',
			to: 'ended_early',
			closure: 'moved_away'
		});
		// Someone who stops taking part ends their pair with a reason of its own.
		await pairUp(2, 2);
		const protege = (await findParticipant(t.db, staff.organization_id, program.id, proteges[2]!))!;
		await withdrawParticipant(t.db, staff, protege, 'Found a job elsewhere', null);
		expect(await closureCounts(t.db, program.id)).toEqual([
			{ reason: 'work_in_field', count: 1 },
			{ reason: 'moved_away', count: 1 },
			{ reason: 'withdrew', count: 1 }
		]);
	});
});

describe('pairing a protégé again', () => {
	it('links the new pair to the one that ended early, and offers the other free mentors until then', async () => {
		const first = await pairUp(0, 0);
		expect((await pairLineage(t.db, program, await pairRow(first))).rematch).toBeNull();
		const end = {
			status: 'ended_early' as const,
			reason: 'Never met',
			closureReason: 'no_contact' as const
		};
		await changePairStatusIn(t.db, staff, program.id, first, end, null);
		const ended = await pairLineage(t.db, program, await pairRow(first));
		// The mentor of the pair that ended is not offered again.
		expect(ended.rematch!.mentors.map((m) => m.id)).toEqual([mentors[1], mentors[2]]);

		const second = await pairUp(1, 0);
		expect((await pairRow(second)).follows_pair_id).toBe(first);
		const names = (await findPair(t.db, staff.organization_id, program.id, second))!;
		expect(await pairLineage(t.db, program, await pairRow(second))).toEqual({
			follows: { id: first, mentorName: 'mentor 1' },
			followedBy: [],
			rematch: null
		});
		expect(await pairLineage(t.db, program, await pairRow(first))).toEqual({
			follows: null,
			followedBy: [{ id: second, mentorName: names.mentorName }],
			rematch: null
		});
		// A pair made for someone whose earlier pair completed follows nothing.
		const done = {
			status: 'completed' as const,
			reason: 'Done',
			closureReason: 'completed' as const
		};
		const other = await pairUp(2, 1);
		await changePairStatusIn(t.db, staff, program.id, other, done, null);
		expect((await pairRow(await pairUp(0, 1))).follows_pair_id).toBeNull();

		const { rows } = await pairsTable(t.db, program);
		const codes = await programPseudonyms(t.db, program);
		const code = (id: string) => codes('pair', id);
		expect(rows.find((r) => r.pair === code(second))).toMatchObject({
			pair_status: 'active',
			ended_on: null,
			closure_reason: null,
			follows_pair: code(first)
		});
		expect(rows.find((r) => r.pair === code(first))).toMatchObject({
			pair_status: 'ended_early',
			closure_reason: 'no_contact',
			follows_pair: null
		});
		expect(rows.find((r) => r.pair === code(first))!.ended_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});

describe('exit surveys', () => {
	const ORIGIN = 'https://tandem.example';
	const form = (values: Record<string, string>) => {
		const data = new FormData();
		for (const [name, value] of Object.entries(values)) data.set(name, value);
		return data;
	};

	it('go once to each side still taking part when a pair ends, and are answered once', async () => {
		const ended = await pairUp(0, 0);
		const running = await pairUp(1, 1);
		const left = await pairUp(2, 2);
		expect(await sendExitSurveys(t.db, ORIGIN)).toBe(0);
		const end = {
			status: 'completed' as const,
			reason: 'Hired',
			closureReason: 'work_in_field' as const
		};
		await changePairStatusIn(t.db, staff, program.id, ended, end, null);
		// The protégé who withdraws gets nothing more; her mentor gets the exit survey.
		const protege = (await findParticipant(t.db, staff.organization_id, program.id, proteges[2]!))!;
		await withdrawParticipant(t.db, staff, protege, 'Moved', null);
		expect(await sendExitSurveys(t.db, ORIGIN)).toBe(3);
		expect(await sendExitSurveys(t.db, ORIGIN)).toBe(0);
		const surveys = await t.db
			.selectFrom('exit_surveys')
			.select(['pair_id', 'participant_id', 'role'])
			.orderBy('pair_id')
			.orderBy('role')
			.execute();
		expect(surveys).toEqual(
			[
				{ pair_id: ended, participant_id: mentors[0], role: 'mentor' },
				{ pair_id: ended, participant_id: proteges[0], role: 'protege' },
				{ pair_id: left, participant_id: mentors[2], role: 'mentor' }
			].sort((a, b) => (a.pair_id < b.pair_id ? -1 : a.pair_id > b.pair_id ? 1 : 0))
		);
		expect(surveys.some((s) => s.pair_id === running)).toBe(false);
		const messages = await t.db
			.selectFrom('outbox')
			.select(['participant_id', 'subject'])
			.execute();
		expect(messages).toHaveLength(3);
		expect(messages[0]!.subject).toBe('Spring cohort: two questions as your mentoring ends');

		const [open] = await openExitSurveys(t.db, { id: proteges[0]! });
		expect(open!.partnerName).toBe('mentor 1');
		const missing = await answerExitSurvey(t.db, open!, form({ met_expectations: '4' }));
		expect(missing?.errors).toEqual({ helped_most: 'Please answer this question.' });
		expect(
			await answerExitSurvey(t.db, open!, form({ met_expectations: '4', helped_most: 'network' }))
		).toBeNull();
		await answerExitSurvey(t.db, open!, form({ met_expectations: '1', helped_most: 'nothing' }));
		expect(await openExitSurveys(t.db, { id: proteges[0]! })).toEqual([]);
		const { rows } = await pairsTable(t.db, program);
		const codes = await programPseudonyms(t.db, program);
		expect(rows.find((r) => r.pair === codes('pair', ended))).toMatchObject({
			closure_reason: 'work_in_field',
			protege_exit_met_expectations: 4,
			protege_exit_helped_most: 'network',
			mentor_exit_met_expectations: null
		});
	});
});
