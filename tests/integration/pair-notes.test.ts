import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { changePairStatusIn, createPair } from '../../src/lib/server/pairs/pair-actions';
import {
	addPairFollowUp,
	listPairFollowUps,
	setFollowUpDone
} from '../../src/lib/server/pairs/pair-follow-ups';
import { addPairNote, listPairNotes } from '../../src/lib/server/pairs/pair-notes';
import { setStaffStatus } from '../../src/lib/server/staff/staff';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let ana: StaffUserRow;
let bea: StaffUserRow;
let outsider: StaffUserRow;
let pairId: string;
let otherPairId: string;
let programId: string;

const DAY = 86_400_000;
const start = Date.parse('2027-03-01T15:00:00Z');

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [
		{ email: 'ana@a.org', role: 'coordinator', name: 'Ana' },
		{ email: 'bea@a.org', role: 'coordinator', name: 'Béa' }
	]);
	await createOrganizationWithStaff(t.db, 'B', [{ email: 'ben@b.org', role: 'coordinator' }]);
	[ana, bea, outsider] = await Promise.all([
		staffByEmail(t.db, 'ana@a.org'),
		staffByEmail(t.db, 'bea@a.org'),
		staffByEmail(t.db, 'ben@b.org')
	]);
	const program = await createTestProgram(t.db, ana);
	programId = program.id;
	const mentors = await addPeople(t.db, ana, program.id, 'mentor', 2);
	const proteges = await addPeople(t.db, ana, program.id, 'protege', 2);
	const pair = async (i: number) => {
		const input = { mentorId: mentors[i]!, protegeId: proteges[i]!, employerId: null };
		const created = await createPair(t.db, ana, program, { ...input, coordinatorId: null }, null);
		if (!created.ok) throw new Error(created.reason);
		return created.pairId;
	};
	pairId = await pair(0);
	otherPairId = await pair(1);
});
afterEach(() => t.close());

const audit = () =>
	t.db
		.selectFrom('audit_log')
		.select(['action', 'target_id', 'detail'])
		.where('action', 'like', 'pair.%')
		.where('action', '!=', 'pair.created')
		.orderBy('created_at')
		.execute();

describe('notes', () => {
	it('lists a pair’s notes newest first, with their author and line breaks kept', async () => {
		await addPairNote(t.db, ana, pairId, 'Called the protégé.', null, start);
		await addPairNote(
			t.db,
			bea,
			pairId,
			'Mentor travels in May.\nMeet on video.',
			null,
			start + DAY
		);
		await addPairNote(t.db, ana, otherPairId, 'Another pair', null, start);
		expect(await listPairNotes(t.db, ana.organization_id, pairId)).toMatchObject([
			{ body: 'Mentor travels in May.\nMeet on video.', authorName: 'Béa', createdAt: start + DAY },
			{ body: 'Called the protégé.', authorName: 'Ana', createdAt: start }
		]);
	});

	it('can still be added once the pair has ended', async () => {
		const end = {
			status: 'ended_early' as const,
			reason: 'Found a job',
			closureReason: 'work_in_field' as const
		};
		await changePairStatusIn(t.db, ana, programId, pairId, end, null);
		expect((await addPairNote(t.db, ana, pairId, 'Exit call done.', null)).ok).toBe(true);
	});

	it('refuses another organization’s pair and shows it nothing', async () => {
		await addPairNote(t.db, ana, pairId, 'Private', null);
		expect(await addPairNote(t.db, outsider, pairId, 'Sneaky', null)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await listPairNotes(t.db, outsider.organization_id, pairId)).toEqual([]);
		expect(await listPairNotes(t.db, ana.organization_id, pairId)).toHaveLength(1);
	});
});

describe('follow-ups', () => {
	const add = (what: string, dueOn: string | null, actor = ana, pair = pairId) =>
		addPairFollowUp(t.db, actor, pair, { what, assigneeId: bea.id, dueOn }, null, start);

	it('lists open items by due date (undated last), then done ones, and marks the overdue', async () => {
		await add('Undated', null);
		await add('Later', '2027-03-20');
		await add('Soon', '2027-02-25');
		await add('Done', '2027-02-01').then(async (r) => {
			if (!r.ok) throw new Error(r.reason);
			await setFollowUpDone(t.db, ana, pairId, r.followUpId, true, null, start + DAY);
		});
		await add('Other pair', '2027-01-01', ana, otherPairId);
		const list = await listPairFollowUps(t.db, ana.organization_id, pairId, '2027-03-02');
		expect(list.map((f) => [f.what, f.overdue])).toEqual([
			['Soon', true],
			['Later', false],
			['Undated', false],
			['Done', false]
		]);
		expect(list[0]).toMatchObject({ assigneeName: 'Béa', dueOn: '2027-02-25', doneAt: null });
		expect(list[3]).toMatchObject({ doneAt: start + DAY, doneByName: 'Ana' });
	});

	it('marks done and reopens, and asking twice changes nothing more', async () => {
		const added = await add('Call the mentor', null);
		if (!added.ok) throw new Error(added.reason);
		const id = added.followUpId;
		await setFollowUpDone(t.db, bea, pairId, id, true, null, start + DAY);
		await setFollowUpDone(t.db, ana, pairId, id, true, null, start + 2 * DAY);
		let [item] = await listPairFollowUps(t.db, ana.organization_id, pairId);
		expect(item).toMatchObject({ doneAt: start + DAY, doneByName: 'Béa' });
		await setFollowUpDone(t.db, ana, pairId, id, false, null, start + 3 * DAY);
		[item] = await listPairFollowUps(t.db, ana.organization_id, pairId);
		expect(item).toMatchObject({ doneAt: null, doneByName: null });
		expect((await audit()).map((a) => a.action)).toEqual([
			'pair.follow_up_added',
			'pair.follow_up_done',
			'pair.follow_up_reopened'
		]);
	});

	it('gives a follow-up only to active staff of the same organization', async () => {
		const to = (assigneeId: string) =>
			addPairFollowUp(t.db, ana, pairId, { what: 'x', assigneeId, dueOn: null }, null);
		expect(await to(outsider.id)).toEqual({ ok: false, reason: 'assignee_unavailable' });
		await setStaffStatus(t.db, bea.id, 'disabled');
		expect(await to(bea.id)).toEqual({ ok: false, reason: 'assignee_unavailable' });
		expect(await listPairFollowUps(t.db, ana.organization_id, pairId)).toEqual([]);
	});

	it('refuses another organization, and a follow-up asked for through another pair', async () => {
		const added = await add('Call the mentor', null);
		if (!added.ok) throw new Error(added.reason);
		expect(await add('x', null, outsider)).toEqual({ ok: false, reason: 'not_found' });
		const refused = { ok: false, reason: 'not_found' };
		expect(await setFollowUpDone(t.db, outsider, pairId, added.followUpId, true, null)).toEqual(
			refused
		);
		expect(await setFollowUpDone(t.db, ana, otherPairId, added.followUpId, true, null)).toEqual(
			refused
		);
		expect(await listPairFollowUps(t.db, outsider.organization_id, pairId)).toEqual([]);
		const [item] = await listPairFollowUps(t.db, ana.organization_id, pairId);
		expect(item!.doneAt).toBeNull();
	});
});

describe('audit', () => {
	it('records every change without the words of notes or follow-ups', async () => {
		await addPairNote(t.db, ana, pairId, 'Protégé mentioned a health issue', null, start);
		const added = await addPairFollowUp(
			t.db,
			ana,
			pairId,
			{ what: 'Ask about the health issue', assigneeId: null, dueOn: '2027-04-01' },
			null,
			start + 1
		);
		if (!added.ok) throw new Error(added.reason);
		await setFollowUpDone(t.db, ana, pairId, added.followUpId, true, null, start + 2);
		const rows = await audit();
		expect(rows.map((r) => [r.action, r.target_id])).toEqual([
			['pair.note_added', pairId],
			['pair.follow_up_added', pairId],
			['pair.follow_up_done', pairId]
		]);
		for (const r of rows) expect(r.detail ?? '').not.toMatch(/health/i);
	});
});
