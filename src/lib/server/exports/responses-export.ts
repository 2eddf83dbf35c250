import { amountOf, numberValue, type Answer } from '$lib/alignment/item-divergence';
import type { ItemDocument } from '$lib/instruments/types';
import type { DbOrTx } from '../db';
import type { AssignmentRole, Program, Round } from '../db/schema';
import { roundDocument } from '../survey/assignments';
import { rounded, type ExportTable } from './export-table';
import { programPseudonyms, type Pseudonyms } from './pseudonyms';
import type { Cell } from './spreadsheet-safe';

export const RESPONSE_COLUMNS = [
	'program',
	'wave',
	'round_opens_on',
	'pair',
	'participant',
	'role',
	'language',
	'construct',
	'item',
	'raw_value',
	'normalised_value',
	'answered_at'
];

const ROLE_ORDER: AssignmentRole[] = ['protege', 'mentor', 'employer', 'staff'];

interface PlacedItem {
	construct: string;
	item: ItemDocument;
	position: number;
}

async function itemsByRound(
	db: DbOrTx,
	rounds: Round[]
): Promise<Map<string, Map<string, PlacedItem>>> {
	const byRound = new Map<string, Map<string, PlacedItem>>();
	for (const round of rounds) {
		const placed = new Map<string, PlacedItem>();
		for (const construct of (await roundDocument(db, round)).constructs)
			for (const item of construct.items)
				placed.set(item.key, { construct: construct.key, item, position: placed.size });
		byRound.set(round.id, placed);
	}
	return byRound;
}

/** A number answer stays a number; every other answer is its stored text, several joined by ";". */
function rawValue(item: ItemDocument | undefined, answer: string[]): Cell {
	const number = item ? numberValue(item, answer) : null;
	return number ?? answer.join(';');
}

/** Scales as a 0–1 position in the item's declared direction, numbers as themselves. */
function normalisedValue(item: ItemDocument | undefined, answer: Answer): number | null {
	if (!item) return null;
	if (item.type === 'scale') return rounded(amountOf(item, answer));
	return numberValue(item, answer);
}

/**
 * The pair codes each person's answers describe: a mentor's and a protégé's own pairs, an employer
 * contact's employer's pairs. A `mid` answer names its pair already; a `pre` answer was given
 * before (or without) pairing and describes every pair the person is in now.
 */
async function pairCodesByPerson(
	db: DbOrTx,
	program: Program,
	pseudonym: Pseudonyms
): Promise<Map<string, string>> {
	const pairs = await db
		.selectFrom('pairs')
		.select(['id', 'mentor_id', 'protege_id', 'employer_id'])
		.where('program_id', '=', program.id)
		.execute();
	const contacts = await db
		.selectFrom('participants')
		.select(['id', 'employer_id'])
		.where('program_id', '=', program.id)
		.where('role', '=', 'employer')
		.where('employer_id', 'is not', null)
		.execute();
	const contactsOf = new Map<string, string[]>();
	for (const contact of contacts)
		contactsOf.set(contact.employer_id!, [
			...(contactsOf.get(contact.employer_id!) ?? []),
			contact.id
		]);
	const codes = new Map<string, string[]>();
	const add = (personId: string, pairId: string) =>
		codes.set(personId, [...(codes.get(personId) ?? []), pseudonym('pair', pairId)]);
	for (const pair of pairs) {
		add(pair.mentor_id, pair.id);
		add(pair.protege_id, pair.id);
		for (const contactId of contactsOf.get(pair.employer_id ?? '') ?? []) add(contactId, pair.id);
	}
	return new Map([...codes].map(([personId, list]) => [personId, list.sort().join(';')]));
}

/**
 * Every answer of the program's sent surveys, one row each (long format). Surveys still being
 * filled in are left out, as in the analytics. People and pairs appear only as codes.
 */
export async function responsesTable(db: DbOrTx, program: Program): Promise<ExportTable> {
	const rounds = await db
		.selectFrom('rounds')
		.selectAll()
		.where('program_id', '=', program.id)
		.orderBy('created_at')
		.execute();
	const answers = await db
		.selectFrom('responses')
		.innerJoin('assignments', 'assignments.id', 'responses.assignment_id')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.leftJoin('participants', 'participants.id', 'assignments.participant_id')
		.leftJoin('staff_users', 'staff_users.id', 'assignments.staff_id')
		.select([
			'responses.item_key',
			'responses.value',
			'responses.updated_at',
			'assignments.round_id',
			'assignments.role',
			'assignments.pair_id',
			'assignments.participant_id',
			'assignments.staff_id',
			'participants.language as participantLanguage',
			'staff_users.language as staffLanguage'
		])
		.where('rounds.program_id', '=', program.id)
		.where('assignments.organization_id', '=', program.organization_id)
		.where('assignments.status', '=', 'submitted')
		.execute();

	const items = await itemsByRound(db, rounds);
	const pseudonym = await programPseudonyms(db, program);
	const pairsOf = await pairCodesByPerson(db, program, pseudonym);
	const roundById = new Map(rounds.map((round, index) => [round.id, { round, index }]));
	const rows = answers.map((row) => {
		const { round, index } = roundById.get(row.round_id)!;
		const placed = items.get(row.round_id)!.get(row.item_key);
		const parsed: unknown = JSON.parse(row.value);
		const answer = Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
		const person = row.participant_id
			? pseudonym('participant', row.participant_id)
			: pseudonym('staff', row.staff_id ?? '');
		return {
			round: index,
			role: ROLE_ORDER.indexOf(row.role),
			position: placed?.position ?? Number.MAX_SAFE_INTEGER,
			cells: {
				program: program.name,
				wave: round.wave,
				round_opens_on: round.opens_on,
				pair: row.pair_id
					? pseudonym('pair', row.pair_id)
					: (pairsOf.get(row.participant_id ?? '') ?? null),
				participant: person,
				role: row.role,
				language: row.participantLanguage ?? row.staffLanguage ?? program.default_language,
				construct: placed?.construct ?? null,
				item: row.item_key,
				raw_value: rawValue(placed?.item, answer),
				normalised_value: normalisedValue(placed?.item, answer),
				answered_at: new Date(row.updated_at).toISOString()
			} satisfies Record<string, Cell>
		};
	});
	rows.sort(
		(a, b) =>
			a.round - b.round ||
			a.role - b.role ||
			(a.cells.pair ?? '').localeCompare(b.cells.pair ?? '') ||
			a.cells.participant.localeCompare(b.cells.participant) ||
			a.position - b.position
	);
	return { columns: RESPONSE_COLUMNS, rows: rows.map((row) => row.cells) };
}
