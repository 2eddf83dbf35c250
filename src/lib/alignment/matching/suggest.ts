import { solveMatching } from './assign';
import {
	buildProblem,
	buildProblemSteps,
	finish,
	type BuiltProblem,
	type MatchInput,
	type MatchLock,
	type MatchMentor,
	type MatchPerson
} from './build-problem';
import { objectiveOf, STATUS, type Objective } from './problem';

/**
 * Why a protégé gets no suggestion: no `pre` answers; no mentor with a place whom the rules and
 * locks allow; every such mentor predicted at risk with them; or the places of the others taken.
 */
export type UnmatchedReason = 'no_answers' | 'no_candidate' | 'only_at_risk' | 'no_place';

export interface SuggestedPair {
	mentor: MatchMentor;
	protege: MatchPerson;
	/** A must-pair lock the coordinator set. */
	locked: boolean;
}

export interface MatchOutcome {
	/** In protégé id order. */
	pairs: SuggestedPair[];
	objective: Objective;
	unmatched: { protege: MatchPerson; reason: UnmatchedReason }[];
	/** Mentors who could take more protégés than suggested: without answers, or with places left. */
	mentorsLeft: { mentor: MatchMentor; places: number; answered: boolean }[];
	unkeptLocks: MatchLock[];
}

function unmatchedReason(built: BuiltProblem, p: number): UnmatchedReason {
	if (!built.proteges[p]!.answers) return 'no_answers';
	const { problem } = built;
	let allowed = false;
	for (let m = 0; m < problem.mentors; m++) {
		const edge = p * problem.mentors + m;
		if (problem.allowed[edge] !== 1 || problem.capacity[m] === 0) continue;
		if (problem.status[edge] !== STATUS.at_risk) return 'no_place';
		allowed = true;
	}
	return allowed ? 'only_at_risk' : 'no_candidate';
}

/** The best suggestion for a program's free people (see `solveMatching` for "best"). */
export function suggestMatches(input: MatchInput): MatchOutcome {
	return finish(suggestSteps(input));
}

/** `suggestMatches` in steps (one per protégé while predicting), for a server to interleave. */
export function* suggestSteps(input: MatchInput): Generator<void, MatchOutcome> {
	const built = yield* buildProblemSteps(input);
	const assignment = solveMatching(built.problem);
	const mentorOf = new Map(assignment.map(([m, p]) => [p, m] as const));
	const locked = new Set(built.problem.must.map(([, p]) => p));
	const taken = new Array<number>(built.mentors.length).fill(0);
	const pairs: SuggestedPair[] = [];
	const unmatched: MatchOutcome['unmatched'] = [];
	built.proteges.forEach((protege, p) => {
		const m = mentorOf.get(p);
		if (m === undefined) {
			unmatched.push({ protege, reason: unmatchedReason(built, p) });
			return;
		}
		taken[m]! += 1;
		pairs.push({ mentor: built.mentors[m]!, protege, locked: locked.has(p) });
	});
	const mentorsLeft = built.mentors.flatMap((mentor, m) => {
		const places = built.problem.capacity[m]! - taken[m]!;
		return places > 0 ? [{ mentor, places, answered: mentor.answers !== null }] : [];
	});
	return {
		pairs,
		objective: objectiveOf(built.problem, assignment),
		unmatched,
		mentorsLeft,
		unkeptLocks: built.unkeptLocks
	};
}

/**
 * For one protégé (a newcomer who joins late), the mentors with a place left whom the rules and
 * locks allow, best first: predicted status, then points, then id.
 */
export function bestMentorsFor(input: MatchInput, protegeId: string, limit = 5): MatchMentor[] {
	const built = buildProblem({
		...input,
		proteges: input.proteges.filter((p) => p.id === protegeId)
	});
	const { problem } = built;
	if (problem.proteges === 0) return [];
	const candidates: number[] = [];
	for (let m = 0; m < problem.mentors; m++)
		if (problem.allowed[m] === 1 && problem.capacity[m]! > 0) candidates.push(m);
	candidates.sort(
		(a, b) =>
			problem.status[a]! - problem.status[b]! || problem.points[b]! - problem.points[a]! || a - b
	);
	return candidates.slice(0, limit).map((m) => built.mentors[m]!);
}
