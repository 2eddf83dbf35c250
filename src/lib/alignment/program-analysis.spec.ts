import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AnswerSet } from './pair-alignment';
import {
	analysePair,
	analyseProgram,
	assessPairInFull,
	ASSESSMENT_VERSION,
	type ProgramEvidence,
	type WaveAnswers
} from './program-analysis';
import { DEFAULT_RISK_KEYS } from './risk';
import { constructs } from './testing/instrument';

const agreeing = { referrals: ['3'], networking: ['4'] };
const calmMid = {
	networking_covered: ['4'],
	commitment_partner: ['5'],
	check_in_contact_request: ['no']
};

function wave(
	byPair: Record<string, { mentor?: AnswerSet; protege?: AnswerSet }>,
	staff: AnswerSet[] = [],
	byEmployer: Record<string, AnswerSet[]> = {}
): WaveAnswers {
	return {
		byPair: new Map(Object.entries(byPair)),
		byEmployer: new Map(Object.entries(byEmployer)),
		staff
	};
}

function program(): ProgramEvidence {
	return {
		constructs,
		thresholds: { watch: 0.7, risk: 0.5 },
		keys: DEFAULT_RISK_KEYS,
		pairs: [
			{ id: 'calm', employerId: 'acme' },
			{ id: 'referrals', employerId: null },
			{ id: 'call-me', employerId: null },
			{ id: 'silent', employerId: null }
		],
		waves: {
			pre: wave(
				{
					calm: { mentor: agreeing, protege: agreeing },
					referrals: {
						mentor: { ...agreeing, referrals: ['1'] },
						protege: { ...agreeing, referrals: ['5'] }
					},
					'call-me': { mentor: agreeing, protege: agreeing }
				},
				[
					{ referrals: ['1'], networking: ['5'] },
					{ referrals: ['3'], networking: ['5'] }
				],
				{ acme: [{ referrals: ['5'], networking: ['4'] }] }
			),
			mid: wave({
				calm: { mentor: calmMid, protege: calmMid },
				'call-me': { mentor: calmMid, protege: { ...calmMid, check_in_contact_request: ['yes'] } }
			})
		},
		overdue: new Map([['silent', [{ person: 'mentor', wave: 'pre' }]]])
	};
}

describe('program analysis', () => {
	const analysis = analyseProgram(program());
	const pair = (id: string) => analysis.pairs.find((p) => p.pairId === id)!;

	it('sorts pairs by risk: at risk, then watch (more reasons first), then ok', () => {
		expect(analysis.pairs.map((p) => [p.pairId, p.status])).toEqual([
			['referrals', 'at_risk'],
			['call-me', 'watch'],
			['silent', 'watch'],
			['calm', 'ok']
		]);
		expect(pair('silent').reasons[0]!.reason).toEqual({
			kind: 'overdue',
			person: 'mentor',
			wave: 'pre'
		});
	});

	it('compares each person with the staff baseline and with their employer', () => {
		// focus at pre: referrals 3 vs staff mean position (0 + 0.5) / 2 = 0.25 → |0.5 − 0.25| = 0.25;
		// networking 4 (0.75) vs staff 5, 5 (1) → 0.25. Mean 0.25.
		const evidence = program();
		const full = (id: string) =>
			analysePair(
				evidence,
				evidence.pairs.find((p) => p.id === id)!
			);
		expect(full('calm').waves.pre.mentorStaff.byConstruct.focus).toBeCloseTo(0.25, 10);
		// Employer: referrals 5 (1) vs 3 (0.5) → 0.5; networking equal → 0. Mean 0.25.
		expect(full('calm').waves.pre.protegeEmployer.byConstruct.focus).toBeCloseTo(0.25, 10);
		expect(full('referrals').waves.pre.protegeEmployer.score).toBeNull();
	});

	it('names the latest wave each pair can be compared in', () => {
		expect([pair('calm').latest, pair('referrals').latest, pair('silent').latest]).toEqual([
			'mid',
			'pre',
			null
		]);
	});

	it('averages each role per construct on the 0–1 position of its scales', () => {
		const focus = analysis.roleAverages.pre.focus!;
		// Protégés: calm (0.5 + 0.75) / 2, referrals (1 + 0.75) / 2, call-me 0.625 → mean 0.7083…
		expect(focus.protege!.mean).toBeCloseTo((0.625 + 0.875 + 0.625) / 3, 10);
		expect(focus.protege!.respondents).toBe(3);
		expect(focus.staff!.mean).toBeCloseTo((0.5 + 0.75) / 2, 10);
		expect(focus.employer!.respondents).toBe(1);
		expect(analysis.roleAverages.mid.focus!.employer).toBeUndefined();
	});

	it('measures pre → mid drift and the share of pairs flagged per construct', () => {
		// focus at pre: divergences 0, 0.5 (referrals 1 vs 5, networking equal), 0 → alignment 1 − 1/6.
		expect(analysis.drift.focus!.pre).toBeCloseTo(1 - 0.5 / 3, 10);
		expect(analysis.drift.focus!.mid).toBe(1);
		// Latest wave per pair: calm mid 0, referrals pre 0.5 (> 0.3 flags), call-me mid 0.
		expect(analysis.flaggedShare.focus).toBeCloseTo(1 / 3, 10);
		expect(analyseProgram({ ...program(), pairs: [] }).flaggedShare.focus).toBeNull();
	});
});

describe('the assessment’s version', () => {
	it('changes with what a pair’s assessment gives (kept assessments are worked out again)', () => {
		const evidence = program();
		const assessments = evidence.pairs.map((pair) => assessPairInFull(evidence, pair));
		const digest = createHash('sha256').update(JSON.stringify(assessments)).digest('hex');
		// A new digest here means assessments changed: raise ASSESSMENT_VERSION along with it.
		expect({ version: ASSESSMENT_VERSION, digest }).toEqual({
			version: 2,
			digest: 'acedd94881b785594c8d41682d1d141847fe86115b7f4e0d70c85fb4fecc2cc4'
		});
	});
});
