import type { DbOrTx } from '../db';
import type { Program, Round } from '../db/schema';
import { agreementStamp } from '../agreements/agreement-evidence';
import { pulseStamp } from '../pulse/pulse-evidence';

/** Programs whose latest evidence is kept, and how many pairs they may hold together (~5 KB each). */
const MAX_PROGRAMS = 8;
const MAX_PAIRS = 12_000;

interface Entry<T> {
	stamp: EvidenceStamp;
	value: T;
	pairs: number;
}

const latest = new WeakMap<DbOrTx, Map<string, Entry<unknown>>>();

/**
 * Everything a program's evidence is built from short of its rows: the day, the thresholds, the
 * rounds, the employer contacts, and per status (per round and status for surveys) how many pairs
 * and surveys there are and their latest times, and how many pulse check-ins are answered and the
 * latest answer's time. Statuses only move forward and rows are added
 * at the time they are added, so every change the app makes to them moves this stamp; sent
 * answers never change (see submitted-answers.ts). Three small queries, whatever the size.
 */
export async function evidenceStamp(
	db: DbOrTx,
	program: Program,
	rounds: Round[],
	today: string
): Promise<EvidenceStamp> {
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
	const pulses = await pulseStamp(db, program.id);
	const agreements = await agreementStamp(db, program.id);
	const thresholds = [program.watch_threshold, program.risk_threshold];
	const rest = JSON.stringify([today, thresholds, rounds, contacts, pairs, pulses, agreements]);
	return { key: JSON.stringify([rest, surveys]), rest, surveys };
}

/** Surveys of a stamp: per round and status, how many and their latest times. */
type SurveyGroups = {
	round_id: string;
	status: string;
	count: unknown;
	created: unknown;
	submitted: unknown;
}[];

/** What a program's evidence was built from; `key` is equal exactly when nothing changed. */
export interface EvidenceStamp {
	key: string;
	/** Everything but the surveys' statuses. */
	rest: string;
	surveys: SurveyGroups;
}

/** A stamp read back from its key (as kept in a program's evidence mark). */
export function stampOfKey(key: string): EvidenceStamp {
	const [rest, surveys] = JSON.parse(key) as [string, SurveyGroups];
	return { key, rest, surveys };
}

/** Per round: how many surveys and when the latest was made, whatever their status. */
function surveysMade(groups: SurveyGroups): string {
	const byRound = new Map<string, { count: number; created: number }>();
	for (const group of groups) {
		const round = byRound.get(group.round_id) ?? { count: 0, created: 0 };
		round.count += Number(group.count);
		round.created = Math.max(round.created, Number(group.created));
		byRound.set(group.round_id, round);
	}
	return JSON.stringify([...byRound]);
}

/**
 * Whether all that happened between two stamps is that surveys moved on (started or sent): the
 * same day, thresholds, rounds, employer contacts, pairs and answered check-ins, and the same
 * surveys in each round. (An answered check-in makes the next build read every survey row again,
 * while keeping every other pair's assessment.)
 */
export function onlySurveysMovedOn(before: EvidenceStamp, after: EvidenceStamp): boolean {
	return before.rest === after.rest && surveysMade(before.surveys) === surveysMade(after.surveys);
}

/** When the last survey counted in a stamp was sent (0 if none was). */
export function lastSentAt(stamp: EvidenceStamp): number {
	return Math.max(0, ...stamp.surveys.map((group) => Number(group.submitted ?? 0)));
}

/** How many surveys a stamp counts as sent. */
export function sentCount(stamp: EvidenceStamp): number {
	return stamp.surveys
		.filter((group) => group.status === 'submitted')
		.reduce((sum, group) => sum + Number(group.count), 0);
}

/** The program's evidence if it was built under the same stamp, else null. */
export function cachedEvidence<T>(db: DbOrTx, programId: string, stamp: EvidenceStamp): T | null {
	const programs = latest.get(db);
	const entry = programs?.get(programId);
	if (!programs || entry?.stamp.key !== stamp.key) return null;
	programs.delete(programId);
	programs.set(programId, entry);
	return entry.value as T;
}

/** The program's evidence as last built, whatever has changed since, with its stamp. */
export function previousEvidence<T>(
	db: DbOrTx,
	programId: string
): { stamp: EvidenceStamp; value: T } | null {
	const entry = latest.get(db)?.get(programId);
	return entry ? { stamp: entry.stamp, value: entry.value as T } : null;
}

/** Keeps one program's latest evidence; the programs used longest ago leave first. */
export function rememberEvidence<T>(
	db: DbOrTx,
	programId: string,
	stamp: EvidenceStamp,
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
