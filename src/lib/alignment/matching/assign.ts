import munkres from 'munkres';
import { STATUS, MAX_POINTS, type Assignment, type MatchProblem } from './problem';

/**
 * The best suggestion under the problem's constraints: must-pair locks kept; each protégé at
 * most once; each mentor within the places left after their locks; only allowed edges. Among
 * those, the fewest pairs predicted at risk, then as many pairs as possible, then the fewest to
 * watch, then the most points (alignment and bonuses). Fewest at risk first means none: leaving
 * two people unpaired always beats pairing them at risk, so a pair at risk is suggested only
 * when the coordinator locked it.
 *
 * Solved exactly as one linear assignment (Munkres, `munkres` package) of the free protégés to
 * the mentors' places, pairs at risk left out, with integer costs weighted so that each criterion
 * outranks every later one whatever the sum: cost = F for no pair, W·watch + (MAX_POINTS − points)
 * for a pair, where W exceeds any sum of point shortfalls and F any sum of pair costs. BigInt
 * keeps the sums exact at any size.
 */
export function solveMatching(problem: MatchProblem): Assignment {
	const { mentors, proteges, allowed, status, points } = problem;
	const locked = new Set(problem.must.map(([, protege]) => protege));
	const places = problem.capacity.map((capacity) => capacity);
	for (const [mentor] of problem.must) places[mentor] = Math.max(0, places[mentor]! - 1);

	const edgeOf = (protege: number, mentor: number) => protege * mentors + mentor;
	const candidate = (edge: number) => allowed[edge] === 1 && status[edge] !== STATUS.at_risk;
	const open = (protege: number, mentor: number) =>
		places[mentor]! > 0 && candidate(edgeOf(protege, mentor));
	const rows: number[] = [];
	for (let protege = 0; protege < proteges; protege++) {
		if (locked.has(protege)) continue;
		for (let mentor = 0; mentor < mentors; mentor++)
			if (open(protege, mentor)) {
				rows.push(protege);
				break;
			}
	}
	// A mentor needs no more places than the protégés who could have them.
	const columns: number[] = [];
	for (let mentor = 0; mentor < mentors; mentor++) {
		let wanted = 0;
		for (const protege of rows) if (open(protege, mentor)) wanted += 1;
		for (let slot = Math.min(places[mentor]!, wanted); slot > 0; slot--) columns.push(mentor);
	}
	const chosen: Assignment = problem.must.map(([mentor, protege]) => [mentor, protege] as const);
	if (rows.length === 0 || columns.length === 0) return chosen;

	const k = BigInt(Math.min(rows.length, columns.length));
	const S = BigInt(MAX_POINTS);
	const W = k * S + 1n;
	const F = k * (W + S) + 1n;
	const costs = rows.map((protege) => {
		const row = new BigInt64Array(columns.length);
		for (let column = 0; column < columns.length; column++) {
			const edge = edgeOf(protege, columns[column]!);
			row[column] = !candidate(edge)
				? F
				: (status[edge] === STATUS.watch ? W : 0n) + S - BigInt(points[edge]!);
		}
		return row;
	});
	for (const [row, column] of munkres(costs)) {
		const protege = rows[row]!;
		const mentor = columns[column]!;
		if (candidate(edgeOf(protege, mentor))) chosen.push([mentor, protege]);
	}
	return chosen;
}
