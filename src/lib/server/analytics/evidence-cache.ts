import type { DbOrTx } from '../db';
import type { Program, Round } from '../db/schema';

/** Programs whose latest evidence is kept, and how many pairs they may hold together (~5 KB each). */
const MAX_PROGRAMS = 8;
const MAX_PAIRS = 12_000;

interface Entry<T> {
	stamp: string;
	value: T;
	pairs: number;
}

const latest = new WeakMap<DbOrTx, Map<string, Entry<unknown>>>();

/**
 * Everything a program's evidence is built from short of its rows: the day, the thresholds, the
 * rounds, the employer contacts, and per status (per round and status for surveys) how many pairs
 * and surveys there are and their latest times. Statuses only move forward and rows are added
 * at the time they are added, so every change the app makes to them moves this stamp; sent
 * answers never change (see submitted-answers.ts). Three small queries, whatever the size.
 */
export async function evidenceStamp(
	db: DbOrTx,
	program: Program,
	rounds: Round[],
	today: string
): Promise<string> {
	const contacts = await db
		.selectFrom('participants')
		.select(['id', 'employer_id'])
		.where('program_id', '=', program.id)
		.where('role', '=', 'employer')
		.orderBy('id')
		.execute();
	const pairs = await db
		.selectFrom('pairs')
		.select((eb) => [
			'status',
			eb.fn.countAll().as('count'),
			eb.fn.max('created_at').as('created'),
			eb.fn.max('updated_at').as('updated')
		])
		.where('program_id', '=', program.id)
		.groupBy('status')
		.orderBy('status')
		.execute();
	const surveys = rounds.length
		? await db
				.selectFrom('assignments')
				.select((eb) => [
					'round_id',
					'status',
					eb.fn.countAll().as('count'),
					eb.fn.max('created_at').as('created'),
					eb.fn.max('submitted_at').as('submitted')
				])
				.where(
					'round_id',
					'in',
					rounds.map((r) => r.id)
				)
				.groupBy(['round_id', 'status'])
				.orderBy('round_id')
				.orderBy('status')
				.execute()
		: [];
	const thresholds = [program.watch_threshold, program.risk_threshold];
	return JSON.stringify([today, thresholds, rounds, contacts, pairs, surveys]);
}

/** The program's evidence if it was built under the same stamp, else null. */
export function cachedEvidence<T>(db: DbOrTx, programId: string, stamp: string): T | null {
	const programs = latest.get(db);
	const entry = programs?.get(programId);
	if (!programs || entry?.stamp !== stamp) return null;
	programs.delete(programId);
	programs.set(programId, entry);
	return entry.value as T;
}

/** Keeps one program's latest evidence; the programs used longest ago leave first. */
export function rememberEvidence<T>(
	db: DbOrTx,
	programId: string,
	stamp: string,
	value: T,
	pairs: number
): void {
	let programs = latest.get(db);
	if (!programs) latest.set(db, (programs = new Map()));
	programs.delete(programId);
	programs.set(programId, { stamp, value, pairs });
	let held = [...programs.values()].reduce((sum, entry) => sum + entry.pairs, 0);
	for (const [id, entry] of programs) {
		if (programs.size <= 1 || (programs.size <= MAX_PROGRAMS && held <= MAX_PAIRS)) break;
		programs.delete(id);
		held -= entry.pairs;
	}
}
