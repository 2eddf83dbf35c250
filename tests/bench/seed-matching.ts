import { storeScoredAnswers } from '../../src/lib/server/analytics/scored-answers';
import type { Db } from '../../src/lib/server/db/open';
import type { Language } from '../../src/lib/server/demo/people';
import type { Random } from '../../src/lib/server/demo/random';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { planAssignments } from '../../src/lib/server/rounds/assignment-plan';
import { generateId } from '../../src/lib/server/util/ids';
import type { Answers } from '../../src/lib/survey/page-answers';
import { createBenchProgram, DAY, insertAll, roundRow, type Row, type Team } from './bench-rows';
import { SyntheticAnswers } from './synthetic-answers';
import { syntheticPerson } from './synthetic-people';

/**
 * An intake to match: `size` protégés and `size` mentors, consented, nobody paired, with the
 * program's default rules (field and language off, one protégé per mentor), and a closed `pre`
 * round every one of them has sent. Protégé i and mentor i answer as one of the bench's
 * synthetic pairs would, so the program holds as many good matches as the other programs' pairs.
 * Returns the program's id.
 */
export async function seedMatchingProgram(
	db: Db,
	team: Team,
	size: number,
	random: Random,
	now: number
): Promise<string> {
	const synthetic = new SyntheticAnswers(team.document, random);
	return db.transaction().execute(async (tx) => {
		const program = await createBenchProgram(tx, team, `Bench intake of ${size} × ${size}`, now);
		const inputs = Array.from({ length: size }, (_, i) => [
			syntheticPerson('protege', i, random, { employerId: null }),
			syntheticPerson('mentor', i, random, { employerId: null })
		]).flat();
		const scope = { organizationId: team.organizationId, programId: program.id };
		const ids = await insertParticipants(tx, scope, inputs, now - 35 * DAY);
		await tx
			.updateTable('participants')
			.set({ consented_at: now - 28 * DAY })
			.where('program_id', '=', program.id)
			.execute();
		const answersOf = new Map<string, Answers>();
		for (let i = 0; i < size; i++) {
			const { pre } = synthetic.pair({
				protege: inputs[2 * i]!.language as Language,
				mentor: inputs[2 * i + 1]!.language as Language
			});
			answersOf.set(ids[2 * i]!, pre.protege);
			answersOf.set(ids[2 * i + 1]!, pre.mentor);
		}

		const round = roundRow(team, program.id, 'pre', [-28, -7], now);
		await insertAll(tx, 'rounds', [round]);
		const planned = planAssignments({
			wave: 'pre',
			participants: inputs.map((p, i) => ({ id: ids[i]!, role: p.role, status: 'active' })),
			pairs: [],
			staffIds: []
		});
		const assignments: Row<'assignments'>[] = [];
		const responses: Row<'responses'>[] = [];
		for (const plan of planned) {
			const sentAt = Math.round(now + (-27 + random.next() * 19) * DAY);
			const id = generateId();
			assignments.push({
				id,
				organization_id: team.organizationId,
				round_id: round.id,
				role: plan.role,
				participant_id: plan.participantId,
				staff_id: null,
				pair_id: null,
				status: 'submitted',
				last_page: 7,
				started_at: sentAt - 15 * 60_000,
				submitted_at: sentAt,
				created_at: round.created_at
			});
			for (const [itemKey, values] of Object.entries(answersOf.get(plan.participantId!)!)) {
				if (values.length === 0) continue;
				responses.push({
					assignment_id: id,
					item_key: itemKey,
					value: synthetic.stored(itemKey, values),
					updated_at: sentAt
				});
			}
		}
		await insertAll(tx, 'assignments', assignments);
		await insertAll(tx, 'responses', responses);
		await storeScoredAnswers(
			tx,
			assignments.map((a) => a.id!)
		);
		return program.id;
	});
}
