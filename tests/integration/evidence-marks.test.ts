import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import type { Db } from '../../src/lib/server/db/open';
import type { Program } from '../../src/lib/server/db/schema';
import { seedDemo, type DemoSeed } from '../../src/lib/server/demo/seed-demo';
import { findProgram } from '../../src/lib/server/programs/programs';
import { submitAssignment } from '../../src/lib/server/survey/answers';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';
import { createTestDatabase, openAnotherConnection, type TestDatabase } from '../helpers/database';

let t: TestDatabase;
let seed: DemoSeed;
const now = Date.parse('2027-03-10T15:00:00Z');
const today = todayIn(DEFAULT_TIME_ZONE, now);
const opened: Db[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	seed = await seedDemo(t.db, { now });
});
afterAll(async () => {
	await Promise.all(opened.map((db) => db.destroy()));
	t.close();
});

async function programOf(programId: string): Promise<Program> {
	const organizationId = seed.organizationId;
	return (await findProgram(t.db, organizationId, programId))!;
}

/** The program's evidence as a server process with nothing of it in memory reads it. */
async function coldLoad(program: Program) {
	const db = openAnotherConnection(t);
	opened.push(db);
	return loadProgramEvidence(db, program, { today });
}

/** The same, built from every survey row: the program's mark removed first. */
async function fromRows(program: Program) {
	await t.db.deleteFrom('evidence_marks').where('program_id', '=', program.id).execute();
	return coldLoad(program);
}

describe('a program’s evidence mark', () => {
	it('gives a process with nothing in memory what the rows give, for every demo program', async () => {
		let overdue = 0;
		let groups = 0;
		for (const programId of seed.programIds) {
			const program = await programOf(programId);
			await loadProgramEvidence(t.db, program, { today });
			const marked = await coldLoad(program);
			const built = await fromRows(program);
			expect(marked).toEqual(built);
			expect(analyseProgram(marked.evidence)).toEqual(analyseProgram(built.evidence));
			overdue += built.evidence.overdue.size;
			groups += built.evidence.waves.pre.staff.length + built.evidence.waves.pre.byEmployer.size;
		}
		// The demo has what the mark must carry besides assessments.
		expect(overdue).toBeGreaterThan(0);
		expect(groups).toBeGreaterThan(0);
	});

	it('is trusted while the stamp holds, as the in-memory evidence is, and void once it moves', async () => {
		const program = await programOf(seed.programIds[0]!);
		const before = await fromRows(program);
		// Two pairs whose mentors answered `pre` differently.
		const assessed = [...before.evidence.assessed!];
		const [x, y] = assessed.filter(([, a]) => a.positions.pre.mentor);
		expect(x![1].positions.pre.mentor).not.toEqual(y![1].positions.pre.mentor);
		const mentorOf = async (pairId: string) =>
			(
				await t.db
					.selectFrom('pairs')
					.select('mentor_id')
					.where('id', '=', pairId)
					.executeTakeFirstOrThrow()
			).mentor_id;
		const [mx, my] = [await mentorOf(x![0]), await mentorOf(y![0])];
		// Behind the app's back, as no page does: the two mentors' `pre` surveys change hands,
		// which moves neither count nor time, so not the stamp.
		const swap = (from: string | null, to: string | null) =>
			sql`update assignments set participant_id = ${to} where participant_id is not distinct from ${from}
				and round_id in (select id from rounds where program_id = ${program.id} and wave = 'pre')`.execute(
				t.db
			);
		await swap(mx, null);
		await swap(my, mx);
		await swap(null, my);

		const trusted = await coldLoad(program);
		expect(trusted.evidence.assessed!.get(x![0])).toEqual(x![1]);
		const truth = await fromRows(program);
		expect(truth.evidence.assessed!.get(x![0])!.positions.pre.mentor).toEqual(
			y![1].positions.pre.mentor
		);

		// The next build marks the truth; a change of thresholds moves the stamp past any mark.
		await coldLoad(program);
		await t.db
			.updateTable('programs')
			.set({ watch_threshold: program.watch_threshold - 0.01 })
			.where('id', '=', program.id)
			.execute();
		const moved = await programOf(program.id);
		const after = await coldLoad(moved);
		expect(after.evidence.assessed!.get(y![0])!.positions.pre.mentor).toEqual(
			x![1].positions.pre.mentor
		);
	});

	it('takes in only the surveys sent since it was made, as the rows give them', async () => {
		const unsentOf = (programId: string) =>
			t.db
				.selectFrom('assignments')
				.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
				.select(['assignments.id', 'rounds.wave'])
				.where('rounds.program_id', '=', programId)
				.where('rounds.wave', '!=', 'post')
				.where('assignments.role', 'in', ['mentor', 'protege'])
				.where('assignments.status', '!=', 'submitted')
				.orderBy('assignments.id')
				.execute();
		const waves = new Map(
			await Promise.all(seed.programIds.map(async (id) => [id, await unsentOf(id)] as const))
		);
		const [programId, unsent] = [...waves].find(([, rows]) => rows.some((r) => r.wave === 'mid'))!;
		const program = await programOf(programId);
		await fromRows(program);
		const before = await coldLoad(program);
		// A person's `pre` survey and a pair's check-in, sent after everything the mark counted.
		const sending = [
			unsent.find((row) => row.wave === 'pre'),
			unsent.find((row) => row.wave === 'mid')
		].filter((row) => row !== undefined);
		expect(sending).toHaveLength(2);
		for (const [i, row] of sending.entries())
			await submitAssignment(t.db, row.id, now + 60_000 + i);

		const taken = await coldLoad(program);
		const built = await fromRows(program);
		expect(taken).toEqual(built);
		expect(analyseProgram(taken.evidence)).toEqual(analyseProgram(built.evidence));
		// The pairs of the surveys sent were assessed again.
		const moved = [...built.evidence.assessed!.keys()].filter(
			(pairId) =>
				!isDeepStrictEqual(
					built.evidence.assessed!.get(pairId),
					before.evidence.assessed!.get(pairId)
				)
		);
		expect(moved.length).toBeGreaterThan(0);
		expect(taken.rounds).not.toEqual(before.rounds);
	});

	it('is void when a kept assessment changed after it was made (an overlapping build)', async () => {
		const program = await programOf(seed.programIds[1]!);
		const built = await fromRows(program);
		const [pairId] = [...built.evidence.assessed!.keys()];
		const kept = () =>
			t.db
				.selectFrom('pair_assessments')
				.select('fingerprint')
				.where('pair_id', '=', pairId!)
				.executeTakeFirstOrThrow();
		const { fingerprint } = await kept();
		await t.db
			.updateTable('pair_assessments')
			.set({ fingerprint: `${fingerprint}|older` })
			.where('pair_id', '=', pairId!)
			.execute();
		expect(await coldLoad(program)).toEqual(built);
		// Built from the rows again: the pair was assessed again and kept with its own fingerprint.
		expect((await kept()).fingerprint).toBe(fingerprint);
	});
});
