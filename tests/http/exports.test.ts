import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { answerSurvey, assignmentOf, highEnd, lowEnd, surveyOf } from '../helpers/answers';
import { Visitor, locationOf, signedIn } from '../helpers/browser-like';
import {
	TEST_PASSWORD,
	createOrganizationWithStaff,
	openTestRound,
	staffByEmail
} from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';
import { openDatabaseAt } from '../helpers/database';

const EVIL = '=HYPERLINK("http://evil")';
const EXPORTS = ['responses.csv', 'responses.json', 'pair-scores.csv', 'pair-scores.json'];
const today = todayIn(DEFAULT_TIME_ZONE);

let server: RunningServer;
let db: Db;
let ana: StaffUserRow;
let program: Program;
let empty: Program;
let coordinator: Visitor;

async function pairedProgram(name: string): Promise<{ program: Program; roundId: string }> {
	const created = await createTestProgram(db, ana, { name });
	const [mentor] = await addPeople(db, ana, created.id, 'mentor', 1);
	const [protege] = await addPeople(db, ana, created.id, 'protege', 1);
	const pair = { mentorId: mentor!, protegeId: protege!, employerId: null, coordinatorId: ana.id };
	await createPair(db, ana, created, pair, null);
	return { program: created, roundId: await openTestRound(db, ana, created, 'mid') };
}

async function download(visitor: Visitor, target: Program, name: string): Promise<Response> {
	return visitor.get(`/programs/${target.id}/export/${name}`);
}

const csvRecords = (body: string, delimiter = ','): Record<string, string>[] =>
	parse(body, { bom: true, columns: true, delimiter });

beforeAll(async () => {
	server = await startServer();
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	await createOrganizationWithStaff(db, 'B', [{ email: 'bo@b.org', role: 'coordinator' }]);
	ana = await staffByEmail(db, 'ana@a.org');

	const answered = await pairedProgram('+Spring cohort');
	program = answered.program;
	await db
		.updateTable('participants')
		.set({ name: '+Mallory Evil', email: 'mallory@evil.example' })
		.where('program_id', '=', program.id)
		.where('role', '=', 'protege')
		.execute();
	const survey = await surveyOf(db, answered.roundId);
	const people = await db
		.selectFrom('participants')
		.select(['id', 'role'])
		.where('program_id', '=', program.id)
		.execute();
	for (const person of people)
		await answerSurvey(
			db,
			survey,
			person.role,
			await assignmentOf(db, answered.roundId, { participantId: person.id }),
			person.role === 'mentor' ? highEnd : lowEnd,
			{ changes: { check_in_anything_else_mid: [EVIL], contact_hours_actual: ['2.5'] } }
		);
	await answerSurvey(
		db,
		survey,
		'staff',
		await assignmentOf(db, answered.roundId, { staffId: ana.id }),
		highEnd
	);

	empty = (await pairedProgram('Été 2027 : cohorte TI')).program;
	coordinator = await signedIn(server.url, 'ana@a.org', TEST_PASSWORD);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

describe('program exports over HTTP', () => {
	it('explains the exports and links the four downloads', async () => {
		const response = await coordinator.get(`/programs/${program.id}/export`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('no names and no email addresses');
		expect(html).toContain('Surveys sent so far: 3');
		for (const name of EXPORTS) expect(html).toContain(`/programs/${program.id}/export/${name}`);
		const overview = await (await coordinator.get(`/programs/${program.id}`)).text();
		expect(overview).toMatch(new RegExp(`href="[./]*/programs/${program.id}/export"`));
	});

	it('sends every export as an uncached attachment named after the program', async () => {
		for (const name of EXPORTS) {
			const response = await download(coordinator, program, name);
			expect(response.status, name).toBe(200);
			const [dataset, format] = name.split('.');
			expect(response.headers.get('content-type')).toBe(
				format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8'
			);
			expect(response.headers.get('content-disposition')).toBe(
				`attachment; filename="tandem-spring-cohort-${dataset}-${today}.${format}"`
			);
			expect(response.headers.get('cache-control')).toContain('no-store');
			const body = await response.text();
			for (const secret of ['Mallory', 'mallory@evil.example', 'ana@a.org', 'example.org'])
				expect(body, `${name} shows ${secret}`).not.toContain(secret);
		}
	});

	it('neutralises formula cells in CSV and keeps numbers as numbers', async () => {
		const response = await download(coordinator, program, 'responses.csv');
		const bytes = new Uint8Array(await response.clone().arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const body = await response.text();
		expect(body).toContain('\r\n');
		const records = csvRecords(body);
		expect(records.length).toBeGreaterThan(50);
		expect(new Set(records.map((r) => r.program))).toEqual(new Set(["'+Spring cohort"]));
		const typed = records.filter((r) => r.item === 'check_in_anything_else_mid');
		// Protégé, mentor, then the coordinator's own answer.
		expect(typed.map((r) => r.raw_value)).toEqual([`'${EVIL}`, `'${EVIL}`, 'high']);
		const hours = records.filter((r) => r.item === 'contact_hours_actual');
		expect(hours.map((r) => [r.raw_value, r.normalised_value])).toEqual([
			['2.5', '2.5'],
			['2.5', '2.5'],
			['10', '10']
		]);
		for (const record of records)
			for (const cell of Object.values(record)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);

		const scores = csvRecords(
			await (await download(coordinator, program, 'pair-scores.csv')).text()
		);
		expect(scores).toHaveLength(1);
		expect(scores[0]).toMatchObject({
			program: "'+Spring cohort",
			wave: 'mid',
			risk_status: 'at_risk',
			alignment_focus: '0',
			mentor_employer_alignment: ''
		});
		expect(Number(scores[0]!.mentor_staff_alignment)).toBeGreaterThan(0.9);
		expect(Number(scores[0]!.protege_staff_alignment)).toBeLessThan(0.1);
		expect(scores[0]!.reasons).toContain('The protégé asked for a coordinator to contact them.');
	});

	it('writes semicolons for Excel in French on request', async () => {
		const response = await coordinator.get(
			`/programs/${program.id}/export/responses.csv?separator=semicolon`
		);
		const records = csvRecords(await response.text(), ';');
		expect(records.find((r) => r.item === 'check_in_anything_else_mid')?.raw_value).toBe(
			`'${EVIL}`
		);
	});

	it('keeps what was typed in JSON', async () => {
		const json = await (await download(coordinator, program, 'responses.json')).json();
		expect(json.program).toBe('+Spring cohort');
		const typed = json.rows.filter(
			(r: { item: string }) => r.item === 'check_in_anything_else_mid'
		);
		expect(typed.map((r: { raw_value: string }) => r.raw_value)).toEqual([EVIL, EVIL, 'high']);
		const scores = await (await download(coordinator, program, 'pair-scores.json')).json();
		expect(scores.rows).toHaveLength(1);
		// Same hours, every other answer at opposite ends.
		expect(scores.rows[0]).toMatchObject({
			alignment: 0.024,
			alignment_focus: 0,
			alignment_contact: 0.2
		});
	});

	it('writes each download in the audit log', async () => {
		const before = await db
			.selectFrom('audit_log')
			.select('id')
			.where('action', '=', 'program.exported')
			.execute();
		await download(coordinator, program, 'pair-scores.csv');
		const rows = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'program.exported')
			.where('target_id', '=', program.id)
			.orderBy('created_at', 'desc')
			.execute();
		expect(rows.length).toBe(before.length + 1);
		expect(rows[0]).toMatchObject({ actor_staff_id: ana.id, target_type: 'program' });
		expect(JSON.parse(rows[0]!.detail!)).toEqual({
			export: 'pair-scores',
			format: 'csv',
			separator: 'comma',
			rows: 1
		});
	});

	it("gives 404 to another organization's coordinator, and logs nothing", async () => {
		const outsider = await signedIn(server.url, 'bo@b.org', TEST_PASSWORD);
		const count = async () =>
			(
				await db
					.selectFrom('audit_log')
					.select('id')
					.where('action', '=', 'program.exported')
					.execute()
			).length;
		const before = await count();
		expect((await outsider.get(`/programs/${program.id}/export`)).status).toBe(404);
		for (const name of EXPORTS) {
			const response = await download(outsider, program, name);
			expect(response.status, name).toBe(404);
			expect(await response.text()).not.toContain('HYPERLINK');
		}
		expect(await count()).toBe(before);
	});

	it('sends a signed-out visitor to sign in', async () => {
		const response = await download(new Visitor(server.url), program, 'responses.csv');
		expect(response.status).toBe(303);
		expect(locationOf(response)).toMatch(/^\/signin\?redirectTo=/);
	});

	it('exports a program without answers as a header row and empty rows', async () => {
		for (const name of ['responses.csv', 'pair-scores.csv']) {
			const response = await download(coordinator, empty, name);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-disposition')).toContain(
				`filename="tandem-ete-2027-cohorte-ti-${name.split('.')[0]}-${today}.csv"`
			);
			const body = await response.text();
			expect(body.startsWith('program,')).toBe(true);
			expect(body.endsWith('\r\n')).toBe(true);
			expect(body.split('\r\n')).toHaveLength(2);
			expect(csvRecords(body)).toEqual([]);
		}
		for (const name of ['responses.json', 'pair-scores.json']) {
			const json = await (await download(coordinator, empty, name)).json();
			expect(json.rows).toEqual([]);
			expect(json.program).toBe('Été 2027 : cohorte TI');
		}
	});
});
