import { storeScoredAnswers } from '../analytics/scored-answers';
import type { Db, DbOrTx } from '../db';
import { commitWithOthers } from '../db/group-commit';
import type { Answers } from '$lib/survey/page-answers';

export async function loadAnswers(db: DbOrTx, assignmentId: string): Promise<Answers> {
	const rows = await db
		.selectFrom('responses')
		.select(['item_key', 'value'])
		.where('assignment_id', '=', assignmentId)
		.execute();
	const answers: Answers = {};
	for (const row of rows) {
		const value = JSON.parse(row.value) as string | string[];
		answers[row.item_key] = Array.isArray(value) ? value : [value];
	}
	return answers;
}

export type SaveResult = 'saved' | 'submitted';

/**
 * Saves one page at once (answered questions written, cleared ones removed) and resolves when it
 * is on disk; saves arriving together share one commit. A submitted survey is never changed again.
 */
export async function savePageAnswers(
	db: Db,
	assignmentId: string,
	answers: Answers,
	page: number,
	multi: Set<string>,
	now = Date.now()
): Promise<SaveResult> {
	return commitWithOthers(db, async (tx) => {
		const assignment = await tx
			.selectFrom('assignments')
			.select(['status', 'started_at'])
			.where('id', '=', assignmentId)
			.executeTakeFirstOrThrow();
		if (assignment.status === 'submitted') return 'submitted';
		const entries = Object.entries(answers);
		const cleared = entries.filter(([, values]) => values.length === 0).map(([key]) => key);
		const answered = entries
			.filter(([, values]) => values.length > 0)
			.map(([itemKey, values]) => ({
				assignment_id: assignmentId,
				item_key: itemKey,
				value: JSON.stringify(multi.has(itemKey) ? values : values[0]),
				updated_at: now
			}));
		if (cleared.length > 0)
			await tx
				.deleteFrom('responses')
				.where('assignment_id', '=', assignmentId)
				.where('item_key', 'in', cleared)
				.execute();
		if (answered.length > 0)
			await tx
				.insertInto('responses')
				.values(answered)
				.onConflict((oc) =>
					oc.columns(['assignment_id', 'item_key']).doUpdateSet((eb) => ({
						value: eb.ref('excluded.value'),
						updated_at: eb.ref('excluded.updated_at')
					}))
				)
				.execute();
		await tx
			.updateTable('assignments')
			.set({ status: 'in_progress', last_page: page, started_at: assignment.started_at ?? now })
			.where('id', '=', assignmentId)
			.execute();
		return 'saved';
	});
}

/**
 * Idempotent: a second submit (double click, resent form) changes nothing and still succeeds. The
 * scored answers are kept in the same transaction, in the form the metrics read (scored-answers.ts).
 */
export async function submitAssignment(
	db: DbOrTx,
	assignmentId: string,
	now = Date.now()
): Promise<void> {
	if (!db.isTransaction)
		return db.transaction().execute((tx) => submitAssignment(tx, assignmentId, now));
	const sent = await db
		.updateTable('assignments')
		.set({ status: 'submitted', submitted_at: now })
		.where('id', '=', assignmentId)
		.where('status', '!=', 'submitted')
		.executeTakeFirst();
	if (sent.numUpdatedRows > 0n) await storeScoredAnswers(db, [assignmentId]);
}

export async function recordConsent(
	db: DbOrTx,
	participantId: string,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('participants')
		.set({ consented_at: now })
		.where('id', '=', participantId)
		.where('consented_at', 'is', null)
		.execute();
}
