import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMatching } from './assign';
import {
	compareObjectives,
	objectiveOf,
	MAX_POINTS,
	STATUS,
	type Assignment,
	type MatchProblem,
	type Objective
} from './problem';

/** Every suggestion the constraints allow, tried one by one: the optimum by definition. */
function bruteForceBest(problem: MatchProblem): Objective {
	const places = [...problem.capacity];
	for (const [mentor] of problem.must) places[mentor] = Math.max(0, places[mentor]! - 1);
	const locked = new Set(problem.must.map(([, protege]) => protege));
	const chosen: [number, number][] = problem.must.map(([m, p]) => [m, p]);
	let best: Objective | null = null;
	const visit = (protege: number) => {
		if (protege === problem.proteges) {
			const objective = objectiveOf(problem, chosen);
			if (best === null || compareObjectives(objective, best) < 0) best = objective;
			return;
		}
		visit(protege + 1); // left without a mentor
		if (locked.has(protege)) return;
		for (let mentor = 0; mentor < problem.mentors; mentor++) {
			if (places[mentor]! === 0 || problem.allowed[protege * problem.mentors + mentor] !== 1)
				continue;
			places[mentor]! -= 1;
			chosen.push([mentor, protege]);
			visit(protege + 1);
			chosen.pop();
			places[mentor]! += 1;
		}
	};
	visit(0);
	return best!;
}

function brokenConstraints(problem: MatchProblem, assignment: Assignment): string[] {
	const broken: string[] = [];
	const seen = new Set<number>();
	const used = new Array<number>(problem.mentors).fill(0);
	const isMust = (m: number, p: number) => problem.must.some(([a, b]) => a === m && b === p);
	for (const [mentor, protege] of assignment) {
		if (seen.has(protege)) broken.push(`protégé ${protege} twice`);
		seen.add(protege);
		if (isMust(mentor, protege)) continue;
		used[mentor]! += 1;
		if (problem.allowed[protege * problem.mentors + mentor] !== 1)
			broken.push(`edge ${mentor}–${protege} not allowed`);
	}
	for (const [mentor, protege] of problem.must)
		if (!assignment.some(([m, p]) => m === mentor && p === protege))
			broken.push(`lock ${mentor}–${protege} dropped`);
	for (let mentor = 0; mentor < problem.mentors; mentor++) {
		const musts = problem.must.filter(([m]) => m === mentor).length;
		if (used[mentor]! > Math.max(0, problem.capacity[mentor]! - musts))
			broken.push(`mentor ${mentor} over capacity`);
	}
	return broken;
}

const problems = fc
	.record({ mentors: fc.integer({ min: 0, max: 7 }), proteges: fc.integer({ min: 0, max: 7 }) })
	.chain(({ mentors, proteges }) => {
		const edges = mentors * proteges;
		const cells = (arb: fc.Arbitrary<number>) =>
			fc.array(arb, { minLength: edges, maxLength: edges });
		return fc.record({
			mentors: fc.constant(mentors),
			proteges: fc.constant(proteges),
			capacity: fc.array(fc.integer({ min: 0, max: 3 }), {
				minLength: mentors,
				maxLength: mentors
			}),
			// Mostly allowed, as in a program with few rules; sometimes a sparse one.
			allowed: cells(fc.integer({ min: 0, max: 4 }).map((x) => (x === 0 ? 0 : 1))),
			status: cells(fc.constantFrom(STATUS.ok, STATUS.watch, STATUS.at_risk)),
			// Few distinct values, so that ties are common.
			points: cells(fc.constantFrom(0, 250, 500, 700, 900, 1000, MAX_POINTS)),
			must: fc.array(
				fc.tuple(
					fc.integer({ min: 0, max: Math.max(0, mentors - 1) }),
					fc.integer({ min: 0, max: Math.max(0, proteges - 1) })
				),
				{ maxLength: mentors > 0 && proteges > 0 ? 3 : 0 }
			)
		});
	})
	.map((raw): MatchProblem => ({
		mentors: raw.mentors,
		proteges: raw.proteges,
		capacity: raw.capacity,
		allowed: Uint8Array.from(raw.allowed),
		status: Uint8Array.from(raw.status),
		points: Uint16Array.from(raw.points),
		// At most one lock per protégé, as the locks page keeps them.
		must: raw.must.filter(([, p], i) => raw.must.findIndex(([, q]) => q === p) === i)
	}));

describe('optimal matching', () => {
	it('reaches the brute-force optimum and breaks no constraint (up to 7 × 7)', () => {
		fc.assert(
			fc.property(problems, (problem) => {
				const suggestion = solveMatching(problem);
				expect(brokenConstraints(problem, suggestion)).toEqual([]);
				expect(objectiveOf(problem, suggestion)).toEqual(bruteForceBest(problem));
			}),
			{ numRuns: 300, seed: 19 }
		);
	});

	it('gives the same suggestion for the same input', () => {
		fc.assert(
			fc.property(problems, (problem) => {
				expect(solveMatching(problem)).toEqual(solveMatching(problem));
			}),
			{ numRuns: 50, seed: 7 }
		);
	});

	it('never suggests a pair at risk, and prefers two pairs to watch to one ok', () => {
		// Two mentors, two protégés. Diagonal: at risk + ok; crossed: watch + watch.
		const problem: MatchProblem = {
			mentors: 2,
			proteges: 2,
			capacity: [1, 1],
			allowed: Uint8Array.from([1, 1, 1, 1]),
			status: Uint8Array.from([STATUS.at_risk, STATUS.watch, STATUS.watch, STATUS.ok]),
			points: Uint16Array.from([1000, 100, 100, 1000]),
			must: []
		};
		expect(solveMatching(problem)).toEqual([
			[1, 0],
			[0, 1]
		]);
		// One mentor for two protégés: the one at risk is left out whatever its score.
		const single: MatchProblem = {
			...problem,
			mentors: 1,
			capacity: [1],
			allowed: Uint8Array.from([1, 1]),
			status: Uint8Array.from([STATUS.at_risk, STATUS.ok]),
			points: Uint16Array.from([900, 100])
		};
		expect(solveMatching(single)).toEqual([[0, 1]]);
	});
});
