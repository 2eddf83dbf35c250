import type { DbOrTx } from '../../src/lib/server/db/open';
import { generateId } from '../../src/lib/server/util/ids';

/** A protégé of a pair, with where the pair belongs. */
export interface PairProtege {
	organizationId: string;
	programId: string;
	pairId: string;
	protegeId: string;
}

/** The protégé's first pulse check-in, as the scheduler makes it, waiting for her answers. */
export async function waitingCheckIn(db: DbOrTx, at: PairProtege, dueOn: string): Promise<string> {
	const id = generateId();
	await db
		.insertInto('pulse_check_ins')
		.values({
			id,
			organization_id: at.organizationId,
			program_id: at.programId,
			pair_id: at.pairId,
			participant_id: at.protegeId,
			role: 'protege',
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

/** An exit survey about the pair, as if it had ended, waiting for her answers. */
export async function waitingExitSurvey(db: DbOrTx, at: PairProtege): Promise<string> {
	const id = generateId();
	await db
		.insertInto('exit_surveys')
		.values({
			id,
			organization_id: at.organizationId,
			program_id: at.programId,
			pair_id: at.pairId,
			participant_id: at.protegeId,
			role: 'protege',
			created_at: Date.now(),
			answered_at: null,
			met_expectations: null,
			helped_most: null
		})
		.execute();
	return id;
}
