import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { WaveAnswers } from '$lib/alignment/program-analysis';
import type { PairRole, Wave } from '$lib/alignment/risk';
import type { AssignmentRole, AssignmentStatus, PairStatus } from '../db/schema';
import { OPEN_PAIR_STATUSES } from '../pairs/pairs';

/** The assignment columns a program's evidence is built from. */
export interface AssignmentRow {
	id: string;
	round_id: string;
	role: AssignmentRole;
	status: AssignmentStatus;
	pair_id: string | null;
	participant_id: string | null;
	staff_id: string | null;
}

export interface PairRow {
	id: string;
	employer_id: string | null;
	status: PairStatus;
	mentor_id: string;
	protege_id: string;
}

/** A sent survey's row, and where it falls in the order of the rounds. */
interface Heard {
	row: AssignmentRow;
	order: number;
}

/**
 * Who said what in one wave: a `pre` survey is about the person (it may come before matching), a
 * check-in about one pair; the staff's by staff member. Later rounds of a wave replace earlier
 * answers. Keyed by the rows' own id strings (kept, with their hashes) rather than strings made
 * for each look-up.
 */
interface WaveRows {
	byPairRole: Map<string, Partial<Record<AssignmentRole, Heard>>>;
	byPerson: Map<string, Heard>;
	byStaff: Map<string, Heard>;
	/** The ids of surveys still unsent past their time, by `pair:role` or person. */
	unsent: Map<string, ReadonlySet<string>>;
}

export type RowIndex = Record<Wave, WaveRows>;

export const emptyRowIndex = (): RowIndex => ({ pre: emptyWave(), mid: emptyWave() });

const emptyWave = (): WaveRows => ({
	byPairRole: new Map(),
	byPerson: new Map(),
	byStaff: new Map(),
	unsent: new Map()
});

const unsentKey = (row: AssignmentRow) =>
	row.pair_id ? `${row.pair_id}:${row.role}` : row.participant_id;

/**
 * Takes one row of a wave in: a sent survey replaces an earlier row's for the same person or
 * pair and role (`order`: the row's place in round order), and it leaves the
 * overdue; an unsent one past its time (`overdue`) joins them. Taking a row in twice changes
 * nothing more.
 */
export function hear(rows: WaveRows, row: AssignmentRow, order: number, overdue: boolean): void {
	const key = unsentKey(row);
	if (row.status !== 'submitted') {
		if (key && overdue) rows.unsent.set(key, new Set(rows.unsent.get(key)).add(row.id));
		return;
	}
	const waiting = key ? rows.unsent.get(key) : undefined;
	if (key && waiting?.has(row.id)) {
		const still = new Set(waiting);
		still.delete(row.id);
		if (still.size > 0) rows.unsent.set(key, still);
		else rows.unsent.delete(key);
	}
	const heard = { row, order };
	const later = (before: Heard | undefined) => !before || before.order < order;
	if (row.role === 'staff' && row.staff_id) {
		if (later(rows.byStaff.get(row.staff_id))) rows.byStaff.set(row.staff_id, heard);
	} else if (row.pair_id) {
		const own = rows.byPairRole.get(row.pair_id);
		if (later(own?.[row.role])) rows.byPairRole.set(row.pair_id, { ...own, [row.role]: heard });
	} else if (row.participant_id) {
		if (later(rows.byPerson.get(row.participant_id))) rows.byPerson.set(row.participant_id, heard);
	}
}

/** Which sent surveys speak for each pair and group in one wave. */
export interface WaveSurveys {
	/** Mentor's and protégé's, by pair id. */
	byPair: ReadonlyMap<string, Partial<Record<PairRole, AssignmentRow>>>;
	/** Each employer partner's contacts', by employer id. */
	byEmployer: ReadonlyMap<string, readonly AssignmentRow[]>;
	/** The coordinators', in staff id order. */
	staff: readonly AssignmentRow[];
}

/** Each pair's and group's surveys in one wave, and which open pairs' surveys are overdue. */
export function waveSurveys(
	rows: WaveRows,
	wave: Wave,
	pairs: readonly PairRow[],
	employerOf: ReadonlyMap<string, string>,
	overdue: Map<string, { person: PairRole; wave: Wave }[]>
): WaveSurveys {
	const byPair = new Map<string, Partial<Record<PairRole, AssignmentRow>>>();
	for (const pair of pairs) {
		const people = { mentor: pair.mentor_id, protege: pair.protege_id };
		const ownRows = rows.byPairRole.get(pair.id);
		const own: Partial<Record<PairRole, AssignmentRow>> = {};
		for (const role of ['mentor', 'protege'] as const) {
			const heard = ownRows?.[role] ?? rows.byPerson.get(people[role]);
			if (heard) own[role] = heard.row;
			else if (
				OPEN_PAIR_STATUSES.includes(pair.status) &&
				(rows.unsent.has(`${pair.id}:${role}`) || rows.unsent.has(people[role]))
			) {
				overdue.set(pair.id, [...(overdue.get(pair.id) ?? []), { person: role, wave }]);
			}
		}
		if (own.mentor || own.protege) byPair.set(pair.id, own);
	}
	const byEmployer = new Map<string, AssignmentRow[]>();
	for (const [contactId, employerId] of employerOf) {
		const heard = rows.byPerson.get(contactId);
		if (heard) byEmployer.set(employerId, [...(byEmployer.get(employerId) ?? []), heard.row]);
	}
	const staff = [...rows.byStaff].sort(([a], [b]) => (a < b ? -1 : 1));
	return { byPair, byEmployer, staff: staff.map(([, heard]) => heard.row) };
}

export const NO_ANSWERS: WaveAnswers = { byPair: new Map(), byEmployer: new Map(), staff: [] };

/** The answers of a wave's surveys, all of them or those of some pairs (and every group's). */
export function answersOf(
	surveys: WaveSurveys,
	answers: ReadonlyMap<string, AnswerSet>,
	pairIds: Iterable<string> | null
): WaveAnswers {
	const of = (row: AssignmentRow) => answers.get(row.id) ?? {};
	const byPair = new Map<string, Partial<Record<PairRole, AnswerSet>>>();
	for (const pairId of pairIds ?? surveys.byPair.keys()) {
		const own = surveys.byPair.get(pairId);
		if (!own) continue;
		const set: Partial<Record<PairRole, AnswerSet>> = {};
		if (own.mentor) set.mentor = of(own.mentor);
		if (own.protege) set.protege = of(own.protege);
		byPair.set(pairId, set);
	}
	const byEmployer = new Map(
		[...surveys.byEmployer].map(([employerId, rows]) => [employerId, rows.map(of)])
	);
	return { byPair, byEmployer, staff: surveys.staff.map(of) };
}

/** The sent surveys that speak for the program's groups (employer contacts and coordinators). */
export const groupSurveys = (surveys: WaveSurveys) => [
	...[...surveys.byEmployer.values()].flat(),
	...surveys.staff
];

/** The sent surveys that speak for some pairs, or (null) for every pair. */
export function pairSurveys(
	surveys: WaveSurveys,
	pairIds: readonly string[] | null
): AssignmentRow[] {
	const owns = pairIds
		? pairIds.map((pairId) => surveys.byPair.get(pairId))
		: surveys.byPair.values();
	return [...owns].flatMap((own) => [own?.mentor ?? [], own?.protege ?? []].flat());
}
