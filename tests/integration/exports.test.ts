import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { exportProgram, type ExportRequest } from '../../src/lib/server/exports/program-export';
import { pairScoresTable } from '../../src/lib/server/exports/pair-scores-export';
import { programPseudonyms, type Pseudonyms } from '../../src/lib/server/exports/pseudonyms';

/** The codes of the program's exports, as every export file writes them (set before each test). */
let codes: Pseudonyms;
const pseudonym = (kind: 'participant' | 'staff' | 'pair', _programId: string, id: string) =>
	codes(kind, id);
import { responsesTable } from '../../src/lib/server/exports/responses-export';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import {
	answerSurvey,
	assignmentOf,
	highEnd,
	lowEnd,
	surveyOf,
	type Survey
} from '../helpers/answers';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound, staffByEmail } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let mentors: string[];
let proteges: string[];
let pre: Survey;
let mid: Survey;

const EVIL = '=HYPERLINK("http://evil")';
const today = todayIn(DEFAULT_TIME_ZONE);

async function openWave(wave: 'pre' | 'mid'): Promise<Survey> {
	return surveyOf(t.db, await openTestRound(t.db, staff, program, wave));
}

const person = (participantId: string) => ({ participantId });

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'coord@a.org');
	program = await createTestProgram(t.db, staff, { name: 'Spring cohort' });
	codes = await programPseudonyms(t.db, program);
	mentors = await addPeople(t.db, staff, program.id, 'mentor', 2);
	proteges = await addPeople(t.db, staff, program.id, 'protege', 2);
	await t.db
		.updateTable('participants')
		.set({ language: 'fr' })
		.where('id', '=', proteges[0]!)
		.execute();
	for (const i of [0, 1])
		await createPair(
			t.db,
			staff,
			program,
			{ mentorId: mentors[i]!, protegeId: proteges[i]!, employerId: null, coordinatorId: staff.id },
			null
		);

	// Before the program: one sent survey, one still being filled in.
	pre = await openWave('pre');
	await answerSurvey(
		t.db,
		pre,
		'mentor',
		await assignmentOf(t.db, pre.round.id, person(mentors[0]!)),
		lowEnd,
		{
			changes: { contact_hours: ['2.5'], contact_modes: ['video', 'phone'] }
		}
	);
	await answerSurvey(
		t.db,
		pre,
		'protege',
		await assignmentOf(t.db, pre.round.id, person(proteges[1]!)),
		lowEnd,
		{
			submit: false
		}
	);

	// Check-in: pair 1 agrees on everything, pair 2 on nothing; the coordinator answers like pair 1.
	mid = await openWave('mid');
	const midOf = (id: string) => assignmentOf(t.db, mid.round.id, person(id));
	const unsure = { focus_job_search_covered: ['dont_know'] };
	await answerSurvey(t.db, mid, 'mentor', await midOf(mentors[0]!), highEnd, {
		changes: { ...unsure, check_in_anything_else_mid: [EVIL] }
	});
	await answerSurvey(t.db, mid, 'protege', await midOf(proteges[0]!), highEnd, { changes: unsure });
	await answerSurvey(t.db, mid, 'mentor', await midOf(mentors[1]!), highEnd);
	await answerSurvey(t.db, mid, 'protege', await midOf(proteges[1]!), lowEnd);
	await answerSurvey(
		t.db,
		mid,
		'staff',
		await assignmentOf(t.db, mid.round.id, { staffId: staff.id }),
		highEnd
	);
});
afterAll(() => t.close());

describe('the answers export', () => {
	it('has one row per answer of a sent survey, and none of a survey still in progress', async () => {
		const { rows } = await responsesTable(t.db, program);
		const sent = await t.db
			.selectFrom('responses')
			.innerJoin('assignments', 'assignments.id', 'responses.assignment_id')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('assignments.status', '=', 'submitted')
			.executeTakeFirstOrThrow();
		const all = await t.db
			.selectFrom('responses')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		expect(rows).toHaveLength(Number(sent.count));
		expect(Number(all.count)).toBeGreaterThan(rows.length);
		expect(new Set(rows.map((r) => `${r.wave}:${r.role}`))).toEqual(
			new Set(['pre:mentor', 'mid:mentor', 'mid:protege', 'mid:staff'])
		);
	});

	it('names people and pairs only by stable codes, never by name, email or id', async () => {
		const { rows } = await responsesTable(t.db, program);
		const text = JSON.stringify(rows);
		for (const word of ['mentor 1', 'protege1@example.org', 'coord@a.org', mentors[0]!, staff.id])
			expect(text).not.toContain(word);
		const codes = new Set(rows.map((r) => String(r.participant)));
		expect(codes).toEqual(
			new Set([
				...[...mentors, ...proteges].map((id) => pseudonym('participant', program.id, id)),
				pseudonym('staff', program.id, staff.id)
			])
		);
		for (const code of codes) expect(code).toMatch(/^(p|s)_[0-9a-f]{16}$/);
		const staffRows = rows.filter((r) => r.role === 'staff');
		expect(new Set(staffRows.map((r) => `${r.participant} ${r.pair}`))).toEqual(
			new Set([`${pseudonym('staff', program.id, staff.id)} null`])
		);

		const codesOf = (wave: string, role: string) =>
			new Set(rows.filter((r) => r.wave === wave && r.role === role).map((r) => r.participant));
		expect(codesOf('mid', 'mentor').size).toBe(2);
		// The same mentor keeps one code across rounds.
		expect(codesOf('mid', 'mentor')).toContain([...codesOf('pre', 'mentor')][0]);
		expect(
			new Set(rows.filter((r) => r.wave === 'mid' && r.role !== 'staff').map((r) => r.pair)).size
		).toBe(2);
		// A `pre` answer was given before pairing: it carries the pair the person is in now.
		const preRows = rows.filter((r) => r.wave === 'pre');
		expect(preRows.length).toBeGreaterThan(0);
		expect(new Set(preRows.map((r) => r.pair))).toEqual(
			new Set(
				rows
					.filter((r) => r.wave === 'mid' && r.participant === preRows[0]!.participant)
					.map((r) => r.pair)
			)
		);
		expect(rows.filter((r) => r.role !== 'staff' && !r.pair)).toEqual([]);
		expect((await responsesTable(t.db, program)).rows).toEqual(rows);
	});

	it('gives the raw answer, a 0–1 position in the declared direction, the language and the time', async () => {
		const { rows } = await responsesTable(t.db, program);
		const find = (wave: string, item: string, personId: string) =>
			rows.find(
				(r) =>
					r.wave === wave &&
					r.item === item &&
					r.participant === pseudonym('participant', program.id, personId)
			)!;
		// Pair 2's protégé picked the first options, everyone else in the check-in the last.
		expect(find('mid', 'focus_resume_covered', proteges[1]!)).toMatchObject({
			construct: 'focus',
			role: 'protege',
			language: 'en',
			raw_value: '1',
			normalised_value: 0
		});
		expect(find('mid', 'focus_resume_covered', proteges[0]!)).toMatchObject({
			language: 'fr',
			raw_value: '5',
			normalised_value: 1
		});
		// contact_frequency_actual lists "more often" first: the first option is the most.
		expect(find('mid', 'contact_frequency_actual', proteges[1]!)).toMatchObject({
			raw_value: '1',
			normalised_value: 1
		});
		expect(find('mid', 'focus_job_search_covered', mentors[1]!)).toMatchObject({
			raw_value: '5',
			normalised_value: 1
		});
		expect(find('mid', 'focus_job_search_covered', mentors[0]!)).toMatchObject({
			raw_value: 'dont_know',
			normalised_value: null
		});
		expect(find('pre', 'contact_hours', mentors[0]!)).toMatchObject({
			construct: 'contact',
			raw_value: 2.5,
			normalised_value: 2.5
		});
		expect(find('pre', 'contact_modes', mentors[0]!)).toMatchObject({
			raw_value: 'video;phone',
			normalised_value: null
		});
		expect(find('mid', 'check_in_anything_else_mid', mentors[0]!)).toMatchObject({
			raw_value: EVIL,
			normalised_value: null
		});
		expect(rows.find((r) => r.role === 'staff' && r.item === 'focus_resume_covered')).toMatchObject(
			{
				participant: pseudonym('staff', program.id, staff.id),
				language: program.default_language,
				program: 'Spring cohort',
				round_opens_on: today
			}
		);
		expect(rows.length).toBeGreaterThan(50);
		for (const row of rows)
			expect(String(row.answered_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	});
});

describe('the pair scores export', () => {
	it('scores each pair by construct: 1 for full agreement, 0 for none', async () => {
		const { columns, rows } = await pairScoresTable(t.db, program, 'en');
		expect(columns).toContain('alignment_focus');
		expect(columns).toContain('alignment_check_in');
		const check = rows.filter((r) => r.wave === 'mid');
		expect(check).toHaveLength(2);
		const apart = check.find((row) => row.alignment === 0);
		const agreeing = check.find((row) => row.alignment === 1);
		const constructs = columns.filter((c) => c.startsWith('alignment_'));
		expect(agreeing).toMatchObject({
			pair_status: 'active',
			alignment: 1,
			mentor_staff_alignment: 1,
			protege_staff_alignment: 1,
			mentor_employer_alignment: null
		});
		// They agree at the check-in; only the mentor's pre expectations (the low end) were not met.
		expect(String(agreeing!.reasons).split(' | ')).toEqual([
			'Expectation not met for the mentor. Actual meeting frequency: expected “More than once a week” (1 of 5), now “Less than once a month” (5 of 5).',
			'Expectation not met for the mentor. Actual reply time to messages: expected “The same day” (1 of 4), now “More than a week” (4 of 4).',
			'Expectation not met for the mentor. Actual formality of meetings: expected “Very formal” (1 of 5), now “Very casual” (5 of 5).'
		]);
		expect(constructs).toEqual([
			'alignment_focus',
			'alignment_contact',
			'alignment_roles',
			'alignment_outcomes',
			'alignment_relationship',
			'alignment_commitment',
			'alignment_check_in'
		]);
		const each = (score: number) => Object.fromEntries(constructs.map((c) => [c, score]));
		expect(Object.fromEntries(constructs.map((c) => [c, agreeing![c]]))).toEqual(each(1));
		expect(apart).toMatchObject({
			risk_status: 'at_risk',
			alignment: 0,
			mentor_staff_alignment: 1,
			protege_staff_alignment: 0
		});
		expect(Object.fromEntries(constructs.map((c) => [c, apart![c]]))).toEqual(each(0));
		// Most serious first: the check-in score, then the protégé's ratings, then 26 differences.
		const apartReasons = String(apart!.reasons).split(' | ');
		expect(apartReasons.slice(0, 3)).toEqual([
			'Mentor and protégé agree on 0% of their check-in answers; this program flags pairs under 50%.',
			'The protégé rates the mentor’s commitment “Strongly disagree” (1 of 5).',
			'The protégé asked for a coordinator to contact them.'
		]);
		expect(apartReasons).toHaveLength(29);
	});

	it('uses the same codes as the answers export, and writes the reasons in the reader’s language', async () => {
		const answers = (await responsesTable(t.db, program)).rows;
		const { rows } = await pairScoresTable(t.db, program, 'fr');
		for (const row of rows.filter((r) => r.wave === 'mid')) {
			const mentorRows = answers.filter((a) => a.participant === row.mentor);
			expect(mentorRows.length).toBeGreaterThan(0);
			expect(mentorRows.filter((a) => a.wave === 'mid').every((a) => a.pair === row.pair)).toBe(
				true
			);
			expect(answers.some((a) => a.participant === row.protege && a.pair === row.pair)).toBe(true);
		}
		const reasons = rows.map((row) => String(row.reasons));
		expect(reasons.some((r) => r.includes('demande qu’une personne coordonnatrice'))).toBe(true);
	});
});

describe('export files', () => {
	const request = (changes: Partial<ExportRequest>): ExportRequest => ({
		dataset: 'responses',
		format: 'csv',
		separator: 'comma',
		language: 'en',
		...changes
	});

	it('writes a CSV a spreadsheet opens: BOM, header, CRLF, formulas neutralised', async () => {
		const file = await exportProgram(t.db, staff, program, request({}), '127.0.0.1');
		expect(file.contentType).toBe('text/csv; charset=utf-8');
		expect(file.fileName).toBe(`tandem-spring-cohort-responses-${today}.csv`);
		expect(file.body.startsWith('\uFEFFprogram,wave,round_opens_on,pair,')).toBe(true);
		expect(file.body.split('\r\n').length).toBeGreaterThan(10);
		expect(file.body.replaceAll('\r\n', '')).not.toContain('\n');
		const records: Record<string, string>[] = parse(file.body, { bom: true, columns: true });
		const typed = records.filter((r) => r.item === 'check_in_anything_else_mid');
		expect(typed.map((r) => r.raw_value)).toContain(`'${EVIL}`);
		expect(typed.map((r) => r.raw_value)).not.toContain(EVIL);
		expect(records.find((r) => r.item === 'contact_hours')?.raw_value).toBe('2.5');
	});

	it('writes semicolons and decimal commas for Excel in French', async () => {
		const file = await exportProgram(
			t.db,
			staff,
			program,
			request({ separator: 'semicolon' }),
			null
		);
		const records: Record<string, string>[] = parse(file.body, {
			bom: true,
			columns: true,
			delimiter: ';'
		});
		expect(records.find((r) => r.item === 'contact_hours')).toMatchObject({
			raw_value: '2,5',
			normalised_value: '2,5'
		});
	});

	it('keeps what was typed in JSON, and records every download in the audit log', async () => {
		const before = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'program.exported')
			.execute();
		const file = await exportProgram(
			t.db,
			staff,
			program,
			request({ format: 'json', dataset: 'pair-scores' }),
			'10.0.0.1'
		);
		expect(file.fileName).toBe(`tandem-spring-cohort-pair-scores-${today}.json`);
		const json = JSON.parse(file.body);
		expect(json.program).toBe('Spring cohort');
		expect(json.rows.filter((r: { wave: string }) => r.wave === 'mid')).toHaveLength(2);
		const answers = JSON.parse(
			(await exportProgram(t.db, staff, program, request({ format: 'json' }), null)).body
		);
		expect(answers.rows.some((r: { raw_value: unknown }) => r.raw_value === EVIL)).toBe(true);

		const after = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'program.exported')
			.orderBy('created_at')
			.execute();
		expect(after).toHaveLength(before.length + 2);
		const logged = after.find((a) => a.ip === '10.0.0.1')!;
		expect(logged).toMatchObject({
			organization_id: staff.organization_id,
			actor_staff_id: staff.id,
			target_type: 'program',
			target_id: program.id
		});
		expect(JSON.parse(logged.detail!)).toEqual({
			export: 'pair-scores',
			format: 'json',
			rows: json.rows.length
		});
	});
});
