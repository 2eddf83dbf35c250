import type { MatchInput, MatchMentor, MatchPerson } from '$lib/alignment/matching/build-problem';
import type { AnswerSet } from '$lib/alignment/pair-alignment';
import { DEFAULT_RISK_KEYS } from '$lib/alignment/risk';
import type { ConstructDocument } from '$lib/instruments/types';
import { loadScoredAnswers } from '../analytics/submitted-answers';
import type { DbOrTx } from '../db';
import type { Program, Round } from '../db/schema';
import { OPEN_PAIR_STATUSES } from '../pairs/pairs';
import { roundDocument } from '../survey/assignments';

/** What the matching pages show of a person besides the numbers. */
export interface MatchName {
	id: string;
	name: string;
	occupation: string | null;
	field: string | null;
}

export interface LoadedMatchInput {
	input: MatchInput;
	names: ReadonlyMap<string, MatchName>;
	/** The instrument the predictions read (the latest `pre` or `mid` round's), for words. */
	constructs: ConstructDocument[];
	/** False until the program has a `pre` round: nobody can have answered. */
	hasPreRound: boolean;
}

/**
 * The survey language first, then the others the person speaks, without repeats, each as its
 * language alone ("zh-hans" and "zh" are both Chinese, "pa-guru" is Punjabi).
 */
function languagesOf(person: { language: string; languages: string }): string[] {
	const codes = [person.language, ...person.languages.split(',')];
	const primary = codes.map((code) => code.trim().toLowerCase().split('-')[0]!);
	return [...new Set(primary)].filter(Boolean);
}

/** Each person's `pre` answers: from the latest `pre` round they sent. */
async function preAnswers(db: DbOrTx, rounds: Round[]): Promise<Map<string, AnswerSet>> {
	const pre = rounds.filter((r) => r.wave === 'pre');
	if (pre.length === 0) return new Map();
	const sent = await db
		.selectFrom('assignments')
		.select(['id', 'round_id', 'participant_id'])
		.where(
			'round_id',
			'in',
			pre.map((r) => r.id)
		)
		.where('status', '=', 'submitted')
		.where('participant_id', 'is not', null)
		.where('pair_id', 'is', null)
		.execute();
	const roundOf = new Map(pre.map((r) => [r.id, r]));
	const answers = await loadScoredAnswers(
		db,
		sent.map((s) => ({ id: s.id, round: roundOf.get(s.round_id)! }))
	);
	const order = new Map(pre.map((r, index) => [r.id, index]));
	const byPerson = new Map<string, AnswerSet>();
	for (const row of [...sent].sort((a, b) => order.get(a.round_id)! - order.get(b.round_id)!)) {
		const set = answers.get(row.id);
		if (set) byPerson.set(row.participant_id!, set);
	}
	return byPerson;
}

/**
 * Everything a program's suggestions are made from: its active mentors with places left and its
 * active protégés in no running pair, each with their `pre` answers, field and languages; the
 * program's rules and the coordinator's locks; the instrument and thresholds the pair page uses.
 */
export async function loadMatchInput(db: DbOrTx, program: Program): Promise<LoadedMatchInput> {
	const rounds = await db
		.selectFrom('rounds')
		.selectAll()
		.where('program_id', '=', program.id)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	const latest = rounds.filter((r) => r.wave !== 'post').at(-1);
	const constructs = latest ? (await roundDocument(db, latest)).constructs : [];
	const [people, running, locks, answers] = await Promise.all([
		db
			.selectFrom('participants')
			.select(['id', 'role', 'name', 'occupation', 'field', 'language', 'languages', 'capacity'])
			.where('program_id', '=', program.id)
			.where('organization_id', '=', program.organization_id)
			.where('status', '=', 'active')
			.where('role', 'in', ['mentor', 'protege'])
			.orderBy('id')
			.execute(),
		db
			.selectFrom('pairs')
			.select(['mentor_id', 'protege_id'])
			.where('program_id', '=', program.id)
			.where('status', 'in', OPEN_PAIR_STATUSES)
			.execute(),
		db
			.selectFrom('match_locks')
			.select(['mentor_id as mentorId', 'protege_id as protegeId', 'kind'])
			.where('program_id', '=', program.id)
			.orderBy('created_at')
			.orderBy('id')
			.execute(),
		preAnswers(db, rounds)
	]);
	const pairedProteges = new Set(running.map((r) => r.protege_id));
	const mentorPairs = new Map<string, number>();
	for (const { mentor_id } of running)
		mentorPairs.set(mentor_id, (mentorPairs.get(mentor_id) ?? 0) + 1);

	const mentors: MatchMentor[] = [];
	const proteges: MatchPerson[] = [];
	for (const person of people) {
		const base = {
			id: person.id,
			answers: answers.get(person.id) ?? null,
			field: person.field,
			languages: languagesOf(person)
		};
		if (person.role === 'mentor') {
			const places = (person.capacity ?? 1) - (mentorPairs.get(person.id) ?? 0);
			if (places > 0) mentors.push({ ...base, places });
		} else if (!pairedProteges.has(person.id)) proteges.push(base);
	}
	return {
		input: {
			prediction: {
				constructs,
				thresholds: { watch: program.watch_threshold, risk: program.risk_threshold },
				keys: DEFAULT_RISK_KEYS
			},
			rules: { field: program.field_rule, language: program.language_rule },
			mentors,
			proteges,
			locks
		},
		names: new Map(
			people.map((p) => [
				p.id,
				{ id: p.id, name: p.name, occupation: p.occupation, field: p.field }
			])
		),
		constructs,
		hasPreRound: rounds.some((r) => r.wave === 'pre')
	};
}
