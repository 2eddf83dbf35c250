import type { DbOrTx } from '../db';
import {
	listAssignees,
	listPairFollowUps,
	type Assignee,
	type FollowUpView
} from './pair-follow-ups';
import { listPairNotes, type PairNoteView } from './pair-notes';

export interface PairNotebook {
	notes: PairNoteView[];
	followUps: FollowUpView[];
	assignees: Assignee[];
}

/** Everything the pair page's notes and follow-ups section shows. */
export async function readPairNotebook(
	db: DbOrTx,
	organizationId: string,
	pairId: string
): Promise<PairNotebook> {
	const [notes, followUps, assignees] = await Promise.all([
		listPairNotes(db, organizationId, pairId),
		listPairFollowUps(db, organizationId, pairId),
		listAssignees(db, organizationId)
	]);
	return { notes, followUps, assignees };
}
