import type { AnswerSet } from '../pair-alignment';
import { predictPair, type PredictionRules } from '../predicted-alignment';
import { ALIGNMENT_POINTS, BONUS_POINTS, statusCode, STATUS, type MatchProblem } from './problem';

export type MatchRule = 'off' | 'bonus' | 'must';

export interface MatchPerson {
	id: string;
	/** Their `pre` answers; null until they send them. */
	answers: AnswerSet | null;
	field: string | null;
	/** Every language they speak, survey language included, as lowercase codes. */
	languages: readonly string[];
}

export interface MatchMentor extends MatchPerson {
	/** Protégés they can still take: capacity less running pairs. */
	places: number;
}

export interface MatchLock {
	mentorId: string;
	protegeId: string;
	kind: 'must' | 'never';
}

export interface MatchInput {
	prediction: PredictionRules;
	rules: { field: MatchRule; language: MatchRule };
	/** Free people only: nobody already in a running pair (mentors with places left or none). */
	mentors: MatchMentor[];
	proteges: MatchPerson[];
	/** Locks set by the coordinator, oldest first. */
	locks: MatchLock[];
}

export interface BuiltProblem {
	problem: MatchProblem;
	/** In id order: the problem's indexes. */
	mentors: MatchMentor[];
	proteges: MatchPerson[];
	/** Must-pair locks that cannot be kept (the mentor has no place left, or the protégé has one already). */
	unkeptLocks: MatchLock[];
}

/** The first language both speak, in the protégé's order; null when none. */
export function sharedLanguage(mentor: MatchPerson, protege: MatchPerson): string | null {
	return protege.languages.find((language) => mentor.languages.includes(language)) ?? null;
}

export const sameField = (mentor: MatchPerson, protege: MatchPerson): boolean =>
	mentor.field !== null && mentor.field === protege.field;

/** Points for the rules met that count as a bonus (the others are musts or off). */
export function bonusPoints(
	input: Pick<MatchInput, 'rules'>,
	mentor: MatchPerson,
	protege: MatchPerson
): number {
	let bonus = 0;
	if (input.rules.field === 'bonus' && sameField(mentor, protege)) bonus += BONUS_POINTS;
	if (input.rules.language === 'bonus' && sharedLanguage(mentor, protege) !== null)
		bonus += BONUS_POINTS;
	return bonus;
}

/** Whether the program's must-rules let these two be suggested. */
export function passesRules(
	input: Pick<MatchInput, 'rules'>,
	mentor: MatchPerson,
	protege: MatchPerson
): boolean {
	if (input.rules.field === 'must' && !sameField(mentor, protege)) return false;
	if (input.rules.language === 'must' && sharedLanguage(mentor, protege) === null) return false;
	return true;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Runs steps to the end at once. */
export function finish<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * Every candidate pair of a program as numbers for the solver: predicted status and points where
 * both answered `pre` and the rules and locks allow them; must-pair locks kept where the mentor
 * has a place (oldest lock first) and the protégé no other lock.
 */
export function buildProblem(input: MatchInput): BuiltProblem {
	return finish(buildProblemSteps(input));
}

/** `buildProblem` one protégé at a time, so that a server can answer others between steps. */
export function* buildProblemSteps(input: MatchInput): Generator<void, BuiltProblem> {
	const mentors = [...input.mentors].sort(byId);
	const proteges = [...input.proteges].sort(byId);
	const mentorIndex = new Map(mentors.map((m, i) => [m.id, i] as const));
	const protegeIndex = new Map(proteges.map((p, i) => [p.id, i] as const));
	const size = mentors.length * proteges.length;
	const problem = {
		mentors: mentors.length,
		proteges: proteges.length,
		capacity: mentors.map((m) => Math.max(0, m.places)),
		allowed: new Uint8Array(size),
		status: new Uint8Array(size).fill(STATUS.unknown),
		points: new Uint16Array(size),
		must: [] as [number, number][]
	};
	const never = new Set<number>();
	const mustLocks: MatchLock[] = [];
	for (const lock of input.locks) {
		const m = mentorIndex.get(lock.mentorId);
		const p = protegeIndex.get(lock.protegeId);
		if (m === undefined || p === undefined) continue;
		if (lock.kind === 'never') never.add(p * mentors.length + m);
		else mustLocks.push(lock);
	}
	for (let p = 0; p < proteges.length; p++) {
		const protege = proteges[p]!;
		for (let m = 0; m < mentors.length; m++) {
			const mentor = mentors[m]!;
			if (!mentor.answers || !protege.answers) continue;
			const edge = p * mentors.length + m;
			const { score, status } = predictPair(input.prediction, mentor.answers, protege.answers);
			problem.status[edge] = statusCode(status);
			problem.points[edge] =
				Math.round(ALIGNMENT_POINTS * (score ?? 0)) + bonusPoints(input, mentor, protege);
			if (!never.has(edge) && passesRules(input, mentor, protege)) problem.allowed[edge] = 1;
		}
		yield;
	}
	const unkeptLocks: MatchLock[] = [];
	const placesLeft = [...problem.capacity];
	const lockedProteges = new Set<number>();
	for (const lock of mustLocks) {
		const m = mentorIndex.get(lock.mentorId)!;
		const p = protegeIndex.get(lock.protegeId)!;
		if (placesLeft[m]! === 0 || lockedProteges.has(p)) {
			unkeptLocks.push(lock);
			continue;
		}
		placesLeft[m]! -= 1;
		lockedProteges.add(p);
		problem.must.push([m, p]);
	}
	return { problem, mentors, proteges, unkeptLocks };
}
