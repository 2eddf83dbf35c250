import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { programSchema } from '../../src/lib/server/forms/program-schemas';
import { readForm, type FormProblem } from '../../src/lib/server/forms/read-form';
import { createProgramAs, updateProgramAs } from '../../src/lib/server/programs/program-actions';
import { PROGRAM_FIELDS, programFormValues } from '../../src/lib/server/programs/program-form';
import { findProgram, programToInput } from '../../src/lib/server/programs/programs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { createTestProgram } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;

beforeAll(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'coord@a.org', role: 'coordinator' }]);
	staff = await staffByEmail(t.db, 'coord@a.org');
	program = await createTestProgram(t.db, staff);
});
afterAll(() => t.close());

/** The program form as a browser posts it: the stored settings with `changes` typed over them. */
function posted(changes: Record<string, string>, base: Program = program): Request {
	const values = programFormValues(programToInput(base));
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries({ ...values, ...changes }))
		if (typeof value !== 'boolean') body.set(key, String(value));
	return new Request('http://tandem.test/edit', { method: 'POST', body });
}

/** Reads the form and, when it is valid, saves it as the edit page does; returns the refusal. */
async function save(changes: Record<string, string>): Promise<FormProblem | null> {
	const form = await readForm(posted(changes), programSchema, PROGRAM_FIELDS);
	if (!form.ok) return form.failure.data;
	await updateProgramAs(t.db, staff, program, form.data, null);
	program = (await findProgram(t.db, staff.organization_id, program.id))!;
	return null;
}

const stored = async () => {
	const row = await t.db
		.selectFrom('programs')
		.select(['fields', 'field_rule', 'language_rule', 'updated_at'])
		.where('id', '=', program.id)
		.executeTakeFirstOrThrow();
	return row;
};

describe('the program form’s matching settings', () => {
	it('saves the fields one per line, trimmed and without blank lines, and both rules', async () => {
		const problem = await save({
			fields: '  Health care \r\n\r\nEngineering\n   \nAccounting  \n',
			fieldRule: 'must',
			languageRule: 'bonus'
		});
		expect(problem).toBeNull();
		expect(await stored()).toMatchObject({
			fields: '["Health care","Engineering","Accounting"]',
			field_rule: 'must',
			language_rule: 'bonus'
		});
		expect(programFormValues(programToInput(program))).toMatchObject({
			fields: 'Health care\nEngineering\nAccounting',
			fieldRule: 'must',
			languageRule: 'bonus'
		});
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('target_id', '=', program.id)
			.execute();
		expect(audit.map((a) => a.action)).toContain('program.updated');
	});

	it.each([
		{
			case: 'the same field twice, case and accents aside',
			fields: 'Santé\nGénie\nsante',
			field: 'fields',
			message: '“Santé” and “sante” are the same field: keep one'
		},
		{
			case: 'a field over 60 characters',
			fields: `Health care\n${'x'.repeat(61)}`,
			field: 'fields',
			message: `“${'x'.repeat(61)}” is too long: use 60 characters or fewer for each field`
		},
		{
			case: 'more than 30 fields',
			fields: Array.from({ length: 31 }, (_, i) => `Field ${i + 1}`).join('\n'),
			field: 'fields',
			message: 'List at most 30 fields (there are 31)'
		},
		{
			case: 'a same-field rule with no fields',
			fields: '\n \n',
			field: 'fieldRule',
			message: 'List the program’s fields first, or choose “Not used”'
		}
	])('refuses $case, keeps what was typed and changes nothing', async (example) => {
		const before = await stored();
		const problem = await save({ fields: example.fields, fieldRule: 'bonus', name: 'Renamed' });
		expect(problem?.errors[example.field]).toBe(example.message);
		expect(problem?.values).toMatchObject({ fields: example.fields, name: 'Renamed' });
		expect(await stored()).toEqual(before);
		expect(program.name).toBe('Spring cohort');
	});

	it('refuses a rule that is none of the three', async () => {
		const problem = await save({ languageRule: 'always' });
		expect(problem?.errors.languageRule).toBe('Choose how this rule is used');
	});

	it('says every mistake at once, the matching ones beside the others', async () => {
		const problem = await save({ name: '', fields: 'A\na', fieldRule: 'must' });
		expect(Object.keys(problem?.errors ?? {}).sort()).toEqual(['fields', 'name']);
	});

	it('leaves the settings as they are when a form without them is saved', async () => {
		const before = await stored();
		const body = new URLSearchParams({
			name: 'Spring cohort',
			startDate: program.start_date,
			endDate: program.end_date,
			defaultLanguage: 'en',
			status: 'active',
			watchThreshold: '0.7',
			riskThreshold: '0.5'
		});
		const request = new Request('http://tandem.test/edit', { method: 'POST', body });
		const form = await readForm(request, programSchema, PROGRAM_FIELDS);
		if (!form.ok) throw new Error(JSON.stringify(form.failure.data));
		await updateProgramAs(t.db, staff, program, form.data, null);
		const after = await stored();
		expect({ ...after, updated_at: 0 }).toEqual({ ...before, updated_at: 0 });
		expect(after.fields).toBe('["Health care","Engineering","Accounting"]');
	});

	it('lets a field rule go back to “not used” with the fields emptied', async () => {
		expect(await save({ fields: '', fieldRule: 'off', languageRule: 'off' })).toBeNull();
		expect(await stored()).toMatchObject({ fields: '[]', field_rule: 'off', language_rule: 'off' });
	});
});

describe('a new program', () => {
	it('starts with no fields and both rules off, or with what the form set', async () => {
		const plain = await createTestProgram(t.db, staff, { name: 'Plain' });
		expect(plain).toMatchObject({ fields: '[]', field_rule: 'off', language_rule: 'off' });

		const form = await readForm(
			posted({ name: 'Fall', fields: 'Trades\nNursing', fieldRule: 'bonus', languageRule: 'must' }),
			programSchema,
			PROGRAM_FIELDS
		);
		if (!form.ok) throw new Error(JSON.stringify(form.failure.data));
		const id = await createProgramAs(t.db, staff, form.data, null);
		expect(await findProgram(t.db, staff.organization_id, id)).toMatchObject({
			fields: '["Trades","Nursing"]',
			field_rule: 'bonus',
			language_rule: 'must'
		});
	});
});
