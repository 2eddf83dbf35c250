import type { Answer } from '$lib/alignment/item-divergence';
import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { InstrumentDocument } from '$lib/instruments/types';
import { jsonObjectText } from '../db/engine';
import type { DbOrTx } from '../db';
import type { Round } from '../db/schema';
import { roundDocument } from '../survey/assignments';

/** A sent survey and the round it belongs to. */
export interface SentSurvey {
	id: string;
	round: Round;
}

/** Surveys per query, so that a large program is read in bounded slices. */
const SLICE = 500;
const MAX_DISTINCT_VALUES = 10_000;

/** A stored answer ('"3"', '["video","phone"]') as the metrics read it. */
function parseStoredAnswer(value: string): string[] {
	const parsed: unknown = JSON.parse(value);
	return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
}

/** Every answer of some sent surveys, free text included: one pair's, for its page. */
export async function loadEveryAnswer(
	db: DbOrTx,
	ids: string[]
): Promise<ReadonlyMap<string, AnswerSet>> {
	const rows = ids.length
		? await db
				.selectFrom('responses')
				.select(['assignment_id', 'item_key', 'value'])
				.where('assignment_id', 'in', ids)
				.execute()
		: [];
	const answers = new Map<string, Record<string, Answer>>(ids.map((id) => [id, {}]));
	for (const row of rows)
		answers.get(row.assignment_id)![row.item_key] = parseStoredAnswer(row.value);
	return answers;
}

// Scored answers take a few hundred distinct values: parse each once and share it.
const parsedValues = new Map<string, Answer>();

function sharedAnswer(value: string): Answer {
	let answer = parsedValues.get(value);
	if (!answer) {
		if (parsedValues.size >= MAX_DISTINCT_VALUES) parsedValues.clear();
		answer = Object.freeze(parseStoredAnswer(value));
		parsedValues.set(value, answer);
	}
	return answer;
}

/** The keys a round's metrics can score (its wave's items, free text left out), as a template. */
interface ScoredKeys {
	keys: readonly string[];
	/** An object with every key: copies of it share one compact shape. */
	template: Readonly<Record<string, null>>;
}

const scoredKeys = new WeakMap<InstrumentDocument, Map<string, ScoredKeys>>();

async function scoredKeysOf(db: DbOrTx, round: Round): Promise<ScoredKeys> {
	const document = await roundDocument(db, round);
	let byWave = scoredKeys.get(document);
	if (!byWave) scoredKeys.set(document, (byWave = new Map()));
	let scored = byWave.get(round.wave);
	if (!scored) {
		const items = document.constructs.flatMap((c) => c.items);
		const keys = items.filter((i) => i.wave === round.wave && i.type !== 'text').map((i) => i.key);
		// Built by JSON.parse: an object grown key by key in a loop ends up a slow, large hash map.
		const template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null]))));
		byWave.set(round.wave, (scored = { keys, template }));
	}
	return scored;
}

/**
 * One survey's answers with every scored key of its round (unanswered ones undefined), all of
 * one shape: tens of thousands of them stay small (under 300 bytes each) and quick to read.
 */
function answerSet({ keys, template }: ScoredKeys, stored: Record<string, string>): AnswerSet {
	const answers: Record<string, Answer | null> = { ...template };
	for (const key of keys) {
		const value = stored[key];
		answers[key] = value === undefined ? undefined : sharedAnswer(value);
	}
	return answers as AnswerSet;
}

/** Stored values by item key, as one JSON object per survey, of those sent surveys found. */
async function readStoredSets(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
	const kept = await db
		.selectFrom('scored_answers')
		.select(['assignment_id', 'answers'])
		.where('assignment_id', 'in', ids)
		.execute();
	const stored = new Map(kept.map((row) => [row.assignment_id, row.answers]));
	// Surveys sent without going through submitAssignment (a bulk load): from their answer rows.
	const unkept = ids.filter((id) => !stored.has(id));
	if (unkept.length === 0) return stored;
	const rows = await db
		.selectFrom('responses')
		.select(['assignment_id', jsonObjectText(db, 'item_key', 'value').as('answers')])
		.where('assignment_id', 'in', unkept)
		.groupBy('assignment_id')
		.execute();
	for (const row of rows) stored.set(row.assignment_id, row.answers);
	return stored;
}

/**
 * The scored answers of sent surveys, by assignment id. A sent survey never changes (saving
 * refuses it), so those in `known` (what the caller read before: a program's previous evidence)
 * are taken from there, and the rest read from the database, one row per survey
 * (scored-answers.ts). Free text is left out: no metric reads it, and erasure may still rewrite it.
 */
export async function loadScoredAnswers(
	db: DbOrTx,
	sent: readonly SentSurvey[],
	known: ReadonlyMap<string, AnswerSet> = new Map()
): Promise<ReadonlyMap<string, AnswerSet>> {
	const answers = new Map<string, AnswerSet>();
	const missing: SentSurvey[] = [];
	for (const survey of sent) {
		const set = known.get(survey.id);
		if (set) answers.set(survey.id, set);
		else missing.push(survey);
	}
	// The keys of each round's wave, looked up once per round rather than once per survey.
	const keysOf = new Map<string, ScoredKeys>();
	for (const { round } of missing)
		if (!keysOf.has(round.id)) keysOf.set(round.id, await scoredKeysOf(db, round));
	for (let start = 0; start < missing.length; start += SLICE) {
		const slice = missing.slice(start, start + SLICE);
		const stored = await readStoredSets(
			db,
			slice.map((survey) => survey.id)
		);
		for (const survey of slice) {
			const parsed = JSON.parse(stored.get(survey.id) ?? '{}') as Record<string, string>;
			answers.set(survey.id, answerSet(keysOf.get(survey.round.id)!, parsed));
		}
	}
	return answers;
}
