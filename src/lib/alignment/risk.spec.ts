import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_KEYS, assessPair, type PairEvidence } from './risk';
import { constructs, scale } from './testing/instrument';

/** Tests change one answer at a time; the evidence type itself is read-only. */
function set(
	e: PairEvidence,
	wave: 'pre' | 'mid',
	person: 'mentor' | 'protege',
	key: string,
	value: string[]
): void {
	(e.answers[wave][person] as Record<string, string[]>)[key] = value;
}

/** A pair that agrees on everything, with every survey sent. */
function calm(): PairEvidence {
	const pre = { referrals: ['3'], networking: ['4'] };
	const mid = {
		networking_covered: ['4'],
		commitment_partner: ['5'],
		check_in_contact_request: ['no']
	};
	return {
		constructs,
		thresholds: { watch: 0.7, risk: 0.5 },
		answers: {
			pre: { mentor: { ...pre }, protege: { ...pre } },
			mid: { mentor: { ...mid }, protege: { ...mid } }
		},
		overdue: [],
		keys: DEFAULT_RISK_KEYS
	};
}

describe('risk status', () => {
	it('is ok for a pair that agrees and answered', () => {
		expect(assessPair(calm())).toEqual({ status: 'ok', reasons: [] });
	});

	it.each([
		[
			'a critical mismatch (the protégé expects referrals, the mentor does not)',
			(e: PairEvidence): void => {
				set(e, 'pre', 'protege', 'referrals', ['5']);
				set(e, 'pre', 'mentor', 'referrals', ['1']);
			},
			'at_risk',
			{ kind: 'critical_mismatch', wave: 'pre', itemKey: 'referrals', mentor: '1', protege: '5' }
		],
		[
			'very low partner commitment',
			(e: PairEvidence): void => void set(e, 'mid', 'protege', 'commitment_partner', ['1']),
			'at_risk',
			{ kind: 'low_commitment', rater: 'protege', itemKey: 'commitment_partner', value: '1' }
		],
		[
			'a middling partner commitment',
			(e: PairEvidence): void => void set(e, 'mid', 'mentor', 'commitment_partner', ['3']),
			'watch',
			{ kind: 'low_commitment', rater: 'mentor', itemKey: 'commitment_partner', value: '3' }
		],
		[
			'a request to be contacted',
			(e: PairEvidence): void => void set(e, 'mid', 'mentor', 'check_in_contact_request', ['yes']),
			'watch',
			{ kind: 'contact_request', person: 'mentor' }
		],
		[
			'a large unmet expectation (wanted networking 5, covered 2)',
			(e: PairEvidence): void => {
				set(e, 'pre', 'protege', 'networking', ['5']);
				set(e, 'pre', 'mentor', 'networking', ['5']);
				set(e, 'mid', 'protege', 'networking_covered', ['2']);
				set(e, 'mid', 'mentor', 'networking_covered', ['2']);
			},
			'at_risk',
			{
				kind: 'unmet_expectation',
				person: 'protege',
				itemKey: 'networking_covered',
				expected: '5',
				experienced: '2',
				shortfall: 0.75
			}
		],
		[
			'a perception gap about the same fact',
			(e: PairEvidence): void => {
				set(e, 'mid', 'mentor', 'networking_covered', ['5']);
				set(e, 'mid', 'protege', 'networking_covered', ['2']);
			},
			'watch',
			{ kind: 'perception_gap', itemKey: 'networking_covered', mentor: '5', protege: '2' }
		],
		[
			'silence: a survey overdue',
			(e: PairEvidence): void => void e.overdue.push({ person: 'mentor', wave: 'mid' }),
			'watch',
			{ kind: 'overdue', person: 'mentor', wave: 'mid' }
		]
	] as const)('raises %s', (_, change, level, reason) => {
		const evidence = calm();
		change(evidence);
		const result = assessPair(evidence);
		expect(result.reasons).toContainEqual({ level, reason });
		expect(result.status).toBe(
			result.reasons.some((r) => r.level === 'at_risk') ? 'at_risk' : 'watch'
		);
		expect(result.status === 'at_risk' || level === 'watch').toBe(true);
	});

	it('flags alignment under the program thresholds', () => {
		const evidence = calm();
		evidence.answers.pre.protege = { referrals: ['4'], networking: ['5'] };
		evidence.answers.pre.mentor = { referrals: ['3'], networking: ['2'] };
		// focus pre divergence: (0.25 + 0.75) / 2 = 0.5 → alignment 0.5: below watch (0.7), not below risk (0.5).
		expect(assessPair(evidence).reasons).toContainEqual({
			level: 'watch',
			reason: { kind: 'low_alignment', wave: 'pre', score: 0.5, below: 'watch', threshold: 0.7 }
		});
		evidence.thresholds = { watch: 0.8, risk: 0.6 };
		expect(assessPair(evidence)).toMatchObject({
			status: 'at_risk',
			reasons: [{ level: 'at_risk', reason: { kind: 'low_alignment', below: 'risk' } }]
		});
	});

	it('does not call two views of oneself a perception gap', () => {
		const evidence = calm();
		const ownTime = scale('commitment_time_actual', 'mid', { follows: 'networking' });
		evidence.constructs = evidence.constructs.map((c) =>
			c.key === 'commitment' ? { ...c, items: [...c.items, ownTime] } : c
		);
		set(evidence, 'mid', 'mentor', 'commitment_time_actual', ['5']);
		set(evidence, 'mid', 'protege', 'commitment_time_actual', ['1']);
		expect(assessPair(evidence).reasons.map((r) => r.reason.kind)).not.toContain('perception_gap');
	});

	it('never reads "don\'t know" or a missing answer as disagreement', () => {
		const evidence = calm();
		set(evidence, 'pre', 'protege', 'referrals', ['dont_know']);
		set(evidence, 'pre', 'mentor', 'referrals', ['1']);
		delete (evidence.answers.mid.protege as Record<string, string[]>).commitment_partner;
		set(evidence, 'mid', 'mentor', 'networking_covered', ['dont_know']);
		expect(assessPair(evidence)).toEqual({ status: 'ok', reasons: [] });
	});
});
