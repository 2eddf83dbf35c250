import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_KEYS } from '../risk';
import { constructs } from '../testing/instrument';
import type { MatchInput, MatchMentor, MatchPerson } from './build-problem';
import { bestMentorsFor, suggestMatches } from './suggest';

// `referrals` is a key question: 1 against 5 is at risk whatever else they say.
const gives = (referrals: string) => ({ referrals: [referrals], networking: ['3'] });
const mentor = (
	id: string,
	referrals: string | null,
	extra: Partial<MatchMentor> = {}
): MatchMentor => ({
	id,
	answers: referrals === null ? null : gives(referrals),
	field: null,
	languages: ['en'],
	places: 1,
	...extra
});
const protege = (
	id: string,
	referrals: string | null,
	extra: Partial<MatchPerson> = {}
): MatchPerson => ({
	id,
	answers: referrals === null ? null : gives(referrals),
	field: null,
	languages: ['en'],
	...extra
});

function input(parts: Partial<MatchInput>): MatchInput {
	return {
		prediction: { constructs, thresholds: { watch: 0.7, risk: 0.5 }, keys: DEFAULT_RISK_KEYS },
		rules: { field: 'off', language: 'off' },
		mentors: [],
		proteges: [],
		locks: [],
		...parts
	};
}

const ids = (outcome: ReturnType<typeof suggestMatches>) =>
	outcome.pairs.map((p) => `${p.mentor.id}–${p.protege.id}`);

describe('suggested pairs for a program', () => {
	it('avoids the pair at risk that first come, first served would make', () => {
		// p1 came first and would take m1 (both "1"…); but p2 expects referrals (5) that only m1
		// can give (m2 gives none): p1–m2 and p2–m1 are both fine.
		const outcome = suggestMatches(
			input({
				mentors: [mentor('m1', '5'), mentor('m2', '1')],
				proteges: [protege('p1', '2'), protege('p2', '5')]
			})
		);
		expect(ids(outcome)).toEqual(['m2–p1', 'm1–p2']);
		expect(outcome.objective).toMatchObject({ pairs: 2, atRisk: 0 });
	});

	it('says why a protégé gets nobody', () => {
		const outcome = suggestMatches(
			input({
				rules: { field: 'must', language: 'off' },
				mentors: [mentor('m1', '3', { field: 'IT' }), mentor('m2', null, { field: 'Health' })],
				proteges: [
					protege('p1', '3', { field: 'IT' }),
					protege('p2', '3', { field: 'IT' }),
					protege('p3', '3', { field: 'Health' }),
					protege('p4', null, { field: 'IT' })
				]
			})
		);
		expect(ids(outcome)).toEqual(['m1–p1']);
		expect(outcome.unmatched.map((u) => [u.protege.id, u.reason])).toEqual([
			['p2', 'no_place'],
			['p3', 'no_candidate'], // the only Health mentor has not answered
			['p4', 'no_answers']
		]);
		expect(outcome.mentorsLeft.map((m) => [m.mentor.id, m.places, m.answered])).toEqual([
			['m2', 1, false]
		]);
	});

	it('keeps must-pair locks, refuses never-pair ones, and says which locks it cannot keep', () => {
		const outcome = suggestMatches(
			input({
				mentors: [mentor('m1', '3'), mentor('m2', '3')],
				proteges: [protege('p1', '3'), protege('p2', '3'), protege('p3', '3')],
				locks: [
					{ mentorId: 'm2', protegeId: 'p2', kind: 'must' },
					{ mentorId: 'm2', protegeId: 'p3', kind: 'must' }, // m2 has one place
					{ mentorId: 'm1', protegeId: 'p1', kind: 'never' }
				]
			})
		);
		expect(ids(outcome)).toEqual(['m2–p2', 'm1–p3']);
		expect(outcome.pairs.map((p) => p.locked)).toEqual([true, false]);
		expect(outcome.unkeptLocks).toEqual([{ mentorId: 'm2', protegeId: 'p3', kind: 'must' }]);
		expect(outcome.unmatched).toEqual([
			{ protege: expect.objectContaining({ id: 'p1' }), reason: 'no_place' }
		]);
	});

	it('prefers a shared language when it is a bonus, and requires it when a must', () => {
		const people = {
			mentors: [mentor('m1', '3'), mentor('m2', '3', { languages: ['en', 'ar'] })],
			proteges: [protege('p1', '3', { languages: ['fr', 'ar'] })]
		};
		expect(
			ids(suggestMatches(input({ ...people, rules: { field: 'off', language: 'bonus' } })))
		).toEqual(['m2–p1']);
		const only = suggestMatches(
			input({
				...people,
				rules: { field: 'off', language: 'must' },
				proteges: [protege('p1', '3', { languages: ['ar'] })]
			})
		);
		expect(ids(only)).toEqual(['m2–p1']);
	});

	it('lists the best mentors for one protégé, best first, within places and rules', () => {
		const everyone = input({
			mentors: [
				mentor('m1', '1'), // at risk
				mentor('m2', '4'), // ok, .25 apart
				mentor('m3', '5'), // ok, the same
				mentor('m4', '5', { places: 0 }),
				mentor('m5', null)
			],
			proteges: [protege('p1', '5')]
		});
		expect(bestMentorsFor(everyone, 'p1').map((m) => m.id)).toEqual(['m3', 'm2', 'm1']);
		expect(bestMentorsFor(everyone, 'p1', 1).map((m) => m.id)).toEqual(['m3']);
	});
});
