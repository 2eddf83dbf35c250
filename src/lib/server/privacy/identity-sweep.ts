import type { DbOrTx } from '../db';
import { mentionsIdentity, redactIdentity } from './redact';

export interface SweepScope {
	organizationId: string;
	programId: string;
}

/** How the people are found: by name parts too inside their program, only whole values beyond. */
export interface SweepPatterns {
	program: RegExp | null;
	organization: RegExp | null;
}

/**
 * Free text anyone wrote in the program (other people's answers and notes, pair history) and
 * the organization's audit details lose every mention of the people. Returns how many changed.
 */
export async function sweepIdentity(
	db: DbOrTx,
	scope: SweepScope,
	patterns: SweepPatterns
): Promise<number> {
	let changed = 0;
	async function redactEach<R>(
		rows: R[],
		textOf: (row: R) => string | null,
		save: (row: R, text: string) => Promise<unknown>,
		pattern = patterns.program
	) {
		if (!pattern) return;
		for (const row of rows) {
			const text = textOf(row);
			if (!text || !mentionsIdentity(text, pattern)) continue;
			await save(row, redactIdentity(text, pattern));
			changed++;
		}
	}

	const answers = await db
		.selectFrom('responses')
		.innerJoin('assignments', 'assignments.id', 'responses.assignment_id')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.innerJoin('instrument_items', 'instrument_items.version_id', 'rounds.instrument_version_id')
		.whereRef('instrument_items.key', '=', 'responses.item_key')
		.select(['responses.assignment_id', 'responses.item_key', 'responses.value'])
		.where('rounds.program_id', '=', scope.programId)
		.where('instrument_items.type', '=', 'text')
		.execute();
	await redactEach(
		answers,
		(r) => textOfAnswer(r.value),
		(r, text) =>
			db
				.updateTable('responses')
				.set({ value: JSON.stringify(text) })
				.where('assignment_id', '=', r.assignment_id)
				.where('item_key', '=', r.item_key)
				.execute()
	);

	const people = await db
		.selectFrom('participants')
		.select(['id', 'notes', 'withdrawn_reason'])
		.where('program_id', '=', scope.programId)
		.execute();
	await redactEach(
		people,
		(r) => r.notes,
		(r, notes) => db.updateTable('participants').set({ notes }).where('id', '=', r.id).execute()
	);
	await redactEach(
		people,
		(r) => r.withdrawn_reason,
		(r, reason) =>
			db
				.updateTable('participants')
				.set({ withdrawn_reason: reason })
				.where('id', '=', r.id)
				.execute()
	);

	const programPairs = db
		.selectFrom('pairs')
		.select('id')
		.where('program_id', '=', scope.programId);
	const changes = await db
		.selectFrom('pair_status_changes')
		.select(['id', 'reason'])
		.where('pair_id', 'in', programPairs)
		.execute();
	await redactEach(
		changes,
		(r) => r.reason,
		(r, reason) =>
			db.updateTable('pair_status_changes').set({ reason }).where('id', '=', r.id).execute()
	);
	const notes = await db
		.selectFrom('pair_notes')
		.select(['id', 'body'])
		.where('pair_id', 'in', programPairs)
		.execute();
	await redactEach(
		notes,
		(r) => r.body,
		(r, body) => db.updateTable('pair_notes').set({ body }).where('id', '=', r.id).execute()
	);
	const followUps = await db
		.selectFrom('pair_follow_ups')
		.select(['id', 'what'])
		.where('pair_id', 'in', programPairs)
		.execute();
	await redactEach(
		followUps,
		(r) => r.what,
		(r, what) => db.updateTable('pair_follow_ups').set({ what }).where('id', '=', r.id).execute()
	);

	const audit = await db
		.selectFrom('audit_log')
		.select(['id', 'detail'])
		.where('organization_id', '=', scope.organizationId)
		.where('detail', 'is not', null)
		.execute();
	await redactEach(
		audit,
		(r) => r.detail,
		(r, detail) => db.updateTable('audit_log').set({ detail }).where('id', '=', r.id).execute(),
		patterns.organization
	);
	return changed;
}

function textOfAnswer(value: string): string | null {
	try {
		const parsed: unknown = JSON.parse(value);
		return typeof parsed === 'string' ? parsed : null;
	} catch {
		return null;
	}
}
