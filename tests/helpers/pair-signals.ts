import type { DbOrTx } from '../../src/lib/server/db/open';
import { generateId } from '../../src/lib/server/util/ids';

/** One of a pair's people, with where the pair belongs. */
export interface PairPerson {
	organizationId: string;
	programId: string;
	pairId: string;
	personId: string;
	role: 'mentor' | 'protege';
}

/** The person's first pulse check-in, as the scheduler makes it, waiting for their answers. */
export async function waitingCheckIn(db: DbOrTx, at: PairPerson, dueOn: string): Promise<string> {
	const id = generateId();
	await db
		.insertInto('pulse_check_ins')
		.values({
			id,
			organization_id: at.organizationId,
			program_id: at.programId,
			pair_id: at.pairId,
			participant_id: at.personId,
			role: at.role,
			step: 0,
			due_on: dueOn,
			created_at: Date.now(),
			reminded_at: null,
			answered_at: null,
			in_touch: null,
			going: null,
			wants_contact: null
		})
		.execute();
	return id;
}

/** An exit survey about the pair, as if it had ended, waiting for their answers. */
export async function waitingExitSurvey(db: DbOrTx, at: PairPerson): Promise<string> {
	const id = generateId();
	await db
		.insertInto('exit_surveys')
		.values({
			id,
			organization_id: at.organizationId,
			program_id: at.programId,
			pair_id: at.pairId,
			participant_id: at.personId,
			role: at.role,
			created_at: Date.now(),
			answered_at: null,
			met_expectations: null,
			helped_most: null
		})
		.execute();
	return id;
}

/** A follow-up survey after the program, as if its first step had fallen due, waiting for answers. */
export async function waitingFollowUp(db: DbOrTx, at: PairPerson, dueOn: string): Promise<string> {
	const id = generateId();
	await db
		.insertInto('outcome_follow_ups')
		.values({
			id,
			organization_id: at.organizationId,
			program_id: at.programId,
			pair_id: at.pairId,
			participant_id: at.personId,
			role: at.role,
			months: 3,
			due_on: dueOn,
			created_at: Date.now(),
			reminded_at: null,
			answered_at: null,
			work: null,
			found_through: null,
			job_title: null,
			in_touch: null
		})
		.execute();
	return id;
}
