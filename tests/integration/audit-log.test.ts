import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, type AuditAction } from '../../src/lib/server/audit/audit';
import { exportAuditLog } from '../../src/lib/server/audit/audit-export';
import {
	AUDIT_PAGE_SIZE,
	listAllAuditEntries,
	listAuditEntries,
	listRecordedActions,
	NO_AUDIT_FILTER,
	type AuditFilter
} from '../../src/lib/server/audit/audit-query';
import { describeEntries } from '../../src/lib/server/audit/audit-view';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let ana: StaffUserRow;
let cole: StaffUserRow;
let bo: StaffUserRow;
let programId: string;
let pairId: string;
let otherProgramId: string;

const DAY = 24 * 60 * 60 * 1000;
/** 2027-03-10 00:00 UTC */
const MARCH_10 = Date.UTC(2027, 2, 10);
const EVIL = '=HYPERLINK("http://evil")';

async function record(
	actor: StaffUserRow | null,
	action: AuditAction,
	at: number,
	more: { targetType?: string; targetId?: string; detail?: Record<string, unknown> } = {}
) {
	await recordAudit(
		t.db,
		{
			organizationId: (actor ?? ana).organization_id,
			actorStaffId: actor?.id ?? null,
			action,
			ip: '203.0.113.7',
			...more
		},
		at
	);
}

const filter = (changes: Partial<AuditFilter>): AuditFilter => ({ ...NO_AUDIT_FILTER, ...changes });
const ids = async (changes: Partial<AuditFilter>) =>
	(await listAllAuditEntries(t.db, ana.organization_id, filter(changes))).map((e) => e.id);

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [
		{ email: 'ana@a.org', role: 'admin', name: 'Ana Admin' },
		{ email: 'cole@a.org', role: 'coordinator', name: 'Cole Coordinator' }
	]);
	await createOrganizationWithStaff(t.db, 'B', [{ email: 'bo@b.org', role: 'admin' }]);
	ana = await staffByEmail(t.db, 'ana@a.org');
	cole = await staffByEmail(t.db, 'cole@a.org');
	bo = await staffByEmail(t.db, 'bo@b.org');

	const program = await createTestProgram(t.db, ana, { name: EVIL });
	programId = program.id;
	const [mentor] = await addPeople(t.db, ana, programId, 'mentor', 1);
	const [protege] = await addPeople(t.db, ana, programId, 'protege', 1);
	const pair = { mentorId: mentor!, protegeId: protege!, employerId: null, coordinatorId: null };
	const created = await createPair(t.db, ana, program, pair, null);
	if (!created.ok) throw new Error(created.reason);
	pairId = created.pairId;
	otherProgramId = (await createTestProgram(t.db, bo, { name: 'Their secret program' })).id;
	// createPair wrote its own entry; the tests below count only the entries they write.
	await t.db.deleteFrom('audit_log').execute();

	// A's log: 120 sign-ins spread over March 10–12, then a few entries with targets and details.
	for (let i = 0; i < 120; i++)
		await record(i % 2 ? ana : cole, 'signin.succeeded', MARCH_10 + i * 30 * 60 * 1000);
	await record(ana, 'program.created', MARCH_10 + 3 * DAY, {
		targetType: 'program',
		targetId: programId,
		detail: { name: EVIL }
	});
	await record(cole, 'pair.status_changed', MARCH_10 + 3 * DAY + 1, {
		targetType: 'pair',
		targetId: pairId,
		detail: { from: 'active', to: 'paused', noteId: 'abc123' }
	});
	await record(null, 'signin.failed', MARCH_10 + 3 * DAY + 2, {
		targetType: 'staff',
		targetId: ana.id,
		detail: { email: 'my secret password', token: 'tok_live_123' }
	});
	// An entry of A that names B's program: the name must not leak.
	await record(ana, 'program.updated', MARCH_10 + 3 * DAY + 3, {
		targetType: 'program',
		targetId: otherProgramId
	});
	// B's log.
	await record(bo, 'signin.succeeded', MARCH_10 + 1000);
	await record(bo, 'program.created', MARCH_10 + 2000, {
		targetType: 'program',
		targetId: otherProgramId,
		detail: { name: 'Their secret program' }
	});
});
afterAll(async () => {
	await t?.close();
});

describe('audit log query', () => {
	it('pages 50 at a time, newest first, with no entry twice or left out', async () => {
		const first = await listAuditEntries(t.db, ana.organization_id, NO_AUDIT_FILTER, 1);
		expect(first.total).toBe(124);
		expect(first.pageCount).toBe(3);
		expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
		expect(first.entries[0]!.action).toBe('program.updated');
		const pages = [first];
		for (const page of [2, 3])
			pages.push(await listAuditEntries(t.db, ana.organization_id, NO_AUDIT_FILTER, page));
		expect(pages[2]!.entries).toHaveLength(24);
		const all = pages.flatMap((page) => page.entries);
		expect(new Set(all.map((e) => e.id)).size).toBe(124);
		const times = all.map((e) => e.createdAt);
		expect(times).toEqual([...times].sort((a, b) => b - a));

		const beyond = await listAuditEntries(t.db, ana.organization_id, NO_AUDIT_FILTER, 99);
		expect(beyond.page).toBe(3);
		expect(beyond.entries.map((e) => e.id)).toEqual(pages[2]!.entries.map((e) => e.id));
	});

	it('filters by the person who acted', async () => {
		const entries = await listAllAuditEntries(
			t.db,
			ana.organization_id,
			filter({ actorId: cole.id })
		);
		expect(entries).toHaveLength(61);
		expect(new Set(entries.map((e) => e.actorName))).toEqual(new Set(['Cole Coordinator']));
	});

	it('filters by action', async () => {
		expect(await ids({ action: 'pair.status_changed' })).toHaveLength(1);
		expect(await ids({ action: 'signin.succeeded' })).toHaveLength(120);
		expect(await ids({ action: 'no.such_action' })).toEqual([]);
	});

	it('filters by UTC days, both days included', async () => {
		// 48 half hours a day: March 10 holds entries 0–47, March 11 48–95, March 12 96–119.
		expect(await ids({ from: '2027-03-10', to: '2027-03-10' })).toHaveLength(48);
		expect(await ids({ from: '2027-03-11', to: '2027-03-12' })).toHaveLength(72);
		expect(await ids({ from: '2027-03-12' })).toHaveLength(24 + 4);
		expect(await ids({ to: '2027-03-11' })).toHaveLength(96);
		expect(await ids({ from: '2027-03-14' })).toEqual([]);
		const lastOfDay = await ids({ from: '2027-03-13', to: '2027-03-13' });
		expect(lastOfDay).toHaveLength(4);
	});

	it('combines filters', async () => {
		const entries = await ids({ actorId: ana.id, action: 'signin.succeeded', from: '2027-03-12' });
		expect(entries).toHaveLength(12);
	});

	it("never shows another organization's entries, even asked for its people", async () => {
		expect(await ids({ actorId: bo.id })).toEqual([]);
		const theirs = await listAllAuditEntries(t.db, bo.organization_id, NO_AUDIT_FILTER);
		expect(theirs).toHaveLength(2);
		const mine = await listAllAuditEntries(t.db, ana.organization_id, NO_AUDIT_FILTER);
		expect(mine.some((e) => e.actorId === bo.id)).toBe(false);
	});

	it('lists the actions the organization has recorded', async () => {
		expect(await listRecordedActions(t.db, ana.organization_id)).toEqual([
			'pair.status_changed',
			'program.created',
			'program.updated',
			'signin.failed',
			'signin.succeeded'
		]);
		expect(await listRecordedActions(t.db, bo.organization_id)).toEqual([
			'program.created',
			'signin.succeeded'
		]);
	});
});

describe('audit entries in words', () => {
	it('names targets and facts, hides secrets and ids, and never names a record of another organization', async () => {
		const latest = await listAuditEntries(t.db, ana.organization_id, NO_AUDIT_FILTER, 1);
		const rows = await describeEntries(t.db, ana.organization_id, latest.entries.slice(0, 4), 'en');
		const [updated, failed, changed, created] = rows;

		expect(created).toMatchObject({
			who: 'Ana Admin',
			actionLabel: 'Program created',
			target: `Program: ${EVIL}`,
			facts: [{ label: 'Name', value: EVIL }],
			ip: '203.0.113.7'
		});
		expect(changed).toMatchObject({
			who: 'Cole Coordinator',
			actionLabel: 'Pair status changed',
			target: 'Pair: mentor 1 with protege 1',
			facts: [
				{ label: 'From', value: 'Active' },
				{ label: 'To', value: 'Paused' }
			]
		});
		expect(failed).toMatchObject({
			who: 'Not signed in',
			target: 'Staff member: Ana Admin',
			facts: [{ label: 'Email', value: 'hidden: not an email address' }]
		});
		expect(updated!.target).toBe('Program: no longer exists');
		expect(JSON.stringify(rows)).not.toMatch(/secret|tok_live|abc123/);
	});

	it('speaks French to a French reader', async () => {
		const latest = await listAuditEntries(t.db, ana.organization_id, NO_AUDIT_FILTER, 1);
		const [row] = await describeEntries(
			t.db,
			ana.organization_id,
			latest.entries.slice(2, 3),
			'fr'
		);
		expect(row!.actionLabel).toBe('Statut du jumelage changé');
		expect(row!.when).toMatch(/2027/);
	});
});

describe('audit log export', () => {
	it('writes the filtered entries as a spreadsheet-safe CSV and records the download', async () => {
		await t.db
			.updateTable('staff_users')
			.set({ name: '@Cole' })
			.where('id', '=', cole.id)
			.execute();
		const file = await exportAuditLog(
			t.db,
			ana,
			'A',
			{ filter: filter({ from: '2027-03-13' }), format: 'csv', separator: 'comma', locale: 'en' },
			'198.51.100.1',
			new Date(Date.UTC(2027, 3, 1))
		);
		expect(file.fileName).toBe('tandem-a-audit-log-2027-04-01.csv');
		const records: Record<string, string>[] = parse(file.body, { bom: true, columns: true });
		expect(records.map((r) => r.action)).toEqual([
			'program.updated',
			'signin.failed',
			'pair.status_changed',
			'program.created'
		]);
		const created = records.at(-1)!;
		expect(created).toMatchObject({
			time_utc: '2027-03-13T00:00:00.000Z',
			person: 'Ana Admin',
			person_email: 'ana@a.org',
			action_label: 'Program created',
			target: `Program: ${EVIL}`,
			details: `Name: ${EVIL}`,
			ip: '203.0.113.7'
		});
		expect(records[2]!.person).toBe("'@Cole");
		for (const record of records)
			for (const cell of Object.values(record)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
		await t.db
			.updateTable('staff_users')
			.set({ name: 'Cole Coordinator' })
			.where('id', '=', cole.id)
			.execute();
		expect(file.body).not.toMatch(/tok_live|my secret password/);

		const [logged] = await listAllAuditEntries(
			t.db,
			ana.organization_id,
			filter({ action: 'audit.exported' })
		);
		expect(logged).toMatchObject({ actorId: ana.id, ip: '198.51.100.1' });
		expect(logged!.detail).toEqual({
			format: 'csv',
			separator: 'comma',
			rows: 4,
			filterFrom: '2027-03-13'
		});
		await t.db.deleteFrom('audit_log').where('action', '=', 'audit.exported').execute();
	});

	it('writes JSON with what was typed, and names the person filter in the log', async () => {
		const file = await exportAuditLog(
			t.db,
			ana,
			'A',
			{
				filter: filter({ actorId: cole.id, action: 'pair.status_changed' }),
				format: 'json',
				separator: 'comma',
				locale: 'fr'
			},
			null
		);
		const json = JSON.parse(file.body);
		expect(json.organization).toBe('A');
		expect(json.rows).toHaveLength(1);
		expect(json.rows[0]).toMatchObject({
			action: 'pair.status_changed',
			person: 'Cole Coordinator'
		});
		const [logged] = await listAllAuditEntries(
			t.db,
			ana.organization_id,
			filter({ action: 'audit.exported' })
		);
		expect(logged!.detail).toEqual({
			format: 'json',
			rows: 1,
			filterPerson: 'Cole Coordinator',
			filterAction: 'pair.status_changed'
		});
		await t.db.deleteFrom('audit_log').where('action', '=', 'audit.exported').execute();
	});
});
