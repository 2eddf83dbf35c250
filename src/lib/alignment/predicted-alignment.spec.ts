import { describe, expect, it } from 'vitest';
import { predictPair, type PredictionRules } from './predicted-alignment';
import { DEFAULT_RISK_KEYS } from './risk';
import { constructs } from './testing/instrument';

// The test instrument: "focus" (weight 1) asks `referrals` (a key question) and `networking`
// before the program, on five-point scales (positions 0, .25, .5, .75, 1); "commitment" has
// check-in items only, so it never counts before pairing.
const rules: PredictionRules = {
	constructs,
	thresholds: { watch: 0.7, risk: 0.5 },
	keys: DEFAULT_RISK_KEYS
};

describe('predicted alignment of a mentor and a protégé not yet paired', () => {
	it('is ok when their expectations are close', () => {
		// referrals |.5 − .75| = .25, networking 0: focus .125, alignment 1 − .125 = .875.
		expect(
			predictPair(
				rules,
				{ referrals: ['3'], networking: ['4'] },
				{ referrals: ['4'], networking: ['4'] }
			)
		).toEqual({ score: 0.875, status: 'ok', reasons: [] });
	});

	it('is at risk on a key question far apart, with every reason', () => {
		// referrals |0 − 1| = 1 (≥ .5 on a key question), networking 0: focus .5, alignment .5 —
		// not under the risk threshold (.5) but under watch (.7).
		expect(
			predictPair(
				rules,
				{ referrals: ['1'], networking: ['4'] },
				{ referrals: ['5'], networking: ['4'] }
			)
		).toEqual({
			score: 0.5,
			status: 'at_risk',
			reasons: [
				{
					level: 'at_risk',
					reason: {
						kind: 'critical_mismatch',
						wave: 'pre',
						itemKey: 'referrals',
						mentor: '1',
						protege: '5'
					}
				},
				{
					level: 'watch',
					reason: { kind: 'low_alignment', wave: 'pre', score: 0.5, below: 'watch', threshold: 0.7 }
				}
			]
		});
	});

	it('is to watch when they differ but not on a key question', () => {
		// referrals .25 apart, networking |0 − .75| = .75: focus .5, alignment .5 < .7.
		const prediction = predictPair(
			rules,
			{ referrals: ['2'], networking: ['1'] },
			{ referrals: ['3'], networking: ['4'] }
		);
		expect(prediction.score).toBe(0.5);
		expect(prediction.status).toBe('watch');
		expect(prediction.reasons.map((r) => r.reason.kind)).toEqual(['low_alignment']);
	});

	it('is at risk under the risk threshold', () => {
		// referrals .25, networking 1: focus .625, alignment .375 < .5.
		const prediction = predictPair(
			rules,
			{ referrals: ['2'], networking: ['1'] },
			{ referrals: ['3'], networking: ['5'] }
		);
		expect(prediction.score).toBe(0.375);
		expect(prediction.reasons).toEqual([
			{
				level: 'at_risk',
				reason: { kind: 'low_alignment', wave: 'pre', score: 0.375, below: 'risk', threshold: 0.5 }
			}
		]);
	});

	it('has no score when nothing can be compared ("don\'t know" is never disagreement)', () => {
		expect(
			predictPair(
				rules,
				{ referrals: ['dont_know'] },
				{ referrals: ['5'], networking: ['dont_know'] }
			)
		).toEqual({ score: null, status: 'ok', reasons: [] });
	});

	it('reads no check-in answers, even when the answer sets hold some', () => {
		// A commitment of 1 would make a running pair at risk; before pairing it is not asked.
		const prediction = predictPair(
			rules,
			{ referrals: ['3'], networking: ['3'], commitment_partner: ['1'] },
			{ referrals: ['3'], networking: ['3'], check_in_contact_request: ['yes'] }
		);
		expect(prediction).toEqual({ score: 1, status: 'ok', reasons: [] });
	});
});
