import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { checkInsTable } from '../../src/lib/server/exports/check-ins-export';
import { codebookTable } from '../../src/lib/server/exports/codebook';
import { pairScoresTable } from '../../src/lib/server/exports/pair-scores-export';
import { outcomesTable } from '../../src/lib/server/exports/outcomes-export';
import { pairsTable } from '../../src/lib/server/exports/pairs-export';
import { waitingFollowUp } from '../helpers/pair-signals';
import { exportSecret, pseudonymWith } from '../../src/lib/server/exports/pseudonyms';
import { responsesTable } from '../../src/lib/server/exports/responses-export';
import { generateId } from '../../src/lib/server/util/ids';
import { answerSurvey, assignmentOf, highEnd, lowEnd, surveyOf } from '../helpers/answers';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound, staffByEmail } from '../helpers/fixtures';
import { addTestPair, createTestProgram } from '../helpers/programs';

let t: TestDatabase;
const orgs: {
	staff: StaffUserRow;
	program: Program;
	pair: Awaited<ReturnType<typeof addTestPair>>;
}[] = [];

/** An organization with one pair that answered `pre` and `mid`, and one answered check-in. */
async function organization(name: string, email: string) {
	await createOrganizationWithStaff(t.db, name, [{ email, role: 'coordinator' }]);
	const staff = await staffByEmail(t.db, email);
	const program = await createTestProgram(t.db, staff);
	const pair = await addTestPair(t.db, staff, program);
	for (const [wave, pick] of [
		['pre', lowEnd],
		['mid', highEnd]
	] as const) {
		const survey = await surveyOf(t.db, await openTestRound(t.db, staff, program, wave));
		for (const [role, id] of [
			['mentor', pair.mentorId],
			['protege', pair.protegeId]
		] as const)
			await answerSurvey(
				t.db,
				survey,
				role,
				await assignmentOf(t.db, survey.round.id, { participantId: id }),
				pick
			);
	}
	await t.db
		.insertInto('pulse_check_ins')
		.values({
			id: generateId(),
			organization_id: staff.organization_id,
			program_id: program.id,
			pair_id: pair.pairId,
			participant_id: pair.protegeId,
			role: 'protege',
			step: 0,
			due_on: '2027-03-15',
			created_at: Date.now(),
			reminded_at: null,
			answered_at: Date.now(),
			in_touch: 1,
			going: 4,
			wants_contact: 0
		})
		.execute();
	await waitingFollowUp(
		t.db,
		{
			organizationId: staff.organization_id,
			programId: program.id,
			pairId: pair.pairId,
			personId: pair.protegeId,
			role: 'protege'
		},
		'2027-09-30'
	);
	orgs.push({ staff, program, pair });
}

beforeAll(async () => {
	t = await createTestDatabase();
	await organization('A', 'ana@a.org');
	await organization('B', 'ben@b.org');
});
afterAll(() => t.close());

describe('the research export', () => {
	it('has a codebook that names every column of every file, and every question', async () => {
		const { program } = orgs[0]!;
		const codebook = await codebookTable(t.db, program);
		const named = (dataset: string) =>
			new Set(codebook.rows.filter((r) => r.dataset === dataset).map((r) => r.variable));
		const files = {
			responses: await responsesTable(t.db, program),
			'pair-scores': await pairScoresTable(t.db, program, 'en'),
			pairs: await pairsTable(t.db, program),
			'check-ins': await checkInsTable(t.db, program),
			outcomes: await outcomesTable(t.db, program)
		};
		for (const [dataset, table] of Object.entries(files)) {
			expect(table.rows.length, dataset).toBeGreaterThan(0);
			for (const column of table.columns) expect(named(dataset), dataset).toContain(column);
		}
		for (const row of codebook.rows.filter((r) => r.dataset !== 'responses.item'))
			expect([row.variable, row.meaning_en && row.meaning_fr]).toEqual([
				row.variable,
				expect.any(String)
			]);
		const items = named('responses.item');
		for (const row of files.responses.rows) expect(items).toContain(row.item);
		const frequency = codebook.rows.find((r) => r.variable === 'contact_frequency')!;
		expect(frequency).toMatchObject({
			construct: 'contact',
			wave: 'pre',
			type: 'scale',
			direction: 'descending'
		});
		expect(frequency.values).toContain('1 = More than once a week / Plus d’une fois par semaine');
		expect(frequency.wording_protege_en).toBe('How often do you expect to meet your mentor?');
		expect(codebook.columns).toContain('wording_mentor_ar');
	});

	it('codes people and pairs with a key per organization that the data alone does not give away', async () => {
		const [a, b] = orgs as [(typeof orgs)[0], (typeof orgs)[0]];
		const secretA = await exportSecret(t.db, a.staff.organization_id);
		const secretB = await exportSecret(t.db, b.staff.organization_id);
		expect(Buffer.from(secretA, 'base64url')).toHaveLength(32);
		expect(secretA).not.toBe(secretB);
		expect(await exportSecret(t.db, a.staff.organization_id)).toBe(secretA);

		const { rows } = await pairsTable(t.db, a.program);
		const exported = rows[0]!;
		const mentor = a.pair.mentorId;
		expect(exported.mentor).toBe(pseudonymWith(secretA, a.program.id)('participant', mentor));
		// The same person and program under another organization's key: another code.
		expect(pseudonymWith(secretB, a.program.id)('participant', mentor)).not.toBe(exported.mentor);
		// Without the key, no unkeyed hash of what the database holds gives the code back.
		const people = await t.db.selectFrom('participants').select('id').execute();
		const unkeyed = people.flatMap(({ id }) =>
			[id, `${a.program.id}:${id}`, `${a.program.id}\nparticipant\n${id}`].map(
				(text) => 'p_' + createHash('sha256').update(text).digest('hex').slice(0, 16)
			)
		);
		expect(unkeyed).not.toContain(exported.mentor);
		expect(unkeyed.map((code) => code.slice(0, 14))).not.toContain(
			String(exported.mentor).slice(0, 14)
		);
	});
});
