import { describe, expect, it } from 'vitest';
import { pulseReasons, type PulseAnswer } from './pulse';
import { assessPair, DEFAULT_RISK_KEYS } from './risk';
import { constructs } from './testing/instrument';

const answer = (person: PulseAnswer['person'], step: number, given: Partial<PulseAnswer>) => ({
	person,
	step,
	inTouch: true,
	going: 4,
	wantsContact: false,
	...given
});

describe('pulseReasons', () => {
	it('gives no reason for check-ins that go well', () => {
		expect(pulseReasons([answer('protege', 0, {}), answer('mentor', 0, {})])).toEqual([]);
	});

	it('watches a pair after two check-ins in a row without contact, not one', () => {
		const once = [answer('protege', 0, { inTouch: false })];
		expect(pulseReasons(once)).toEqual([]);
		const twice = [...once, answer('protege', 1, { inTouch: false })];
		expect(pulseReasons(twice)).toEqual([
			{ level: 'watch', reason: { kind: 'pulse_no_contact', person: 'protege', times: 2 } }
		]);
		// Contact again at the third: the silence is over.
		expect(pulseReasons([...twice, answer('protege', 2, { inTouch: true })])).toEqual([]);
		// One side's "no" and the other's "no" are not two in a row.
		expect(
			pulseReasons([
				answer('protege', 0, { inTouch: false }),
				answer('mentor', 1, { inTouch: false })
			])
		).toEqual([]);
	});

	it('puts a pair at risk for a rating of 1–2 or a request to be contacted at the latest check-in', () => {
		expect(pulseReasons([answer('mentor', 0, { going: 2 })])).toEqual([
			{ level: 'at_risk', reason: { kind: 'pulse_going_badly', person: 'mentor', rating: 2 } }
		]);
		expect(pulseReasons([answer('mentor', 0, { going: 3 })])).toEqual([]);
		expect(pulseReasons([answer('protege', 0, { wantsContact: true })])).toEqual([
			{ level: 'at_risk', reason: { kind: 'pulse_contact_request', person: 'protege' } }
		]);
		// A later check-in that goes well replaces an earlier one that did not.
		expect(
			pulseReasons([answer('protege', 1, { going: 5 }), answer('protege', 0, { going: 1 })])
		).toEqual([]);
	});

	it('raises the pair’s status through assessPair, beside the surveys’ reasons', () => {
		const evidence = {
			constructs,
			keys: DEFAULT_RISK_KEYS,
			thresholds: { watch: 0.6, risk: 0.4 },
			answers: { pre: {}, mid: {} },
			overdue: []
		};
		expect(assessPair(evidence).status).toBe('ok');
		const pulses = [
			answer('protege', 0, { inTouch: false }),
			answer('protege', 1, { inTouch: false })
		];
		expect(assessPair({ ...evidence, pulses }).status).toBe('watch');
		const request = [...pulses, answer('mentor', 1, { wantsContact: true })];
		expect(assessPair({ ...evidence, pulses: request })).toMatchObject({
			status: 'at_risk',
			reasons: [
				{ level: 'at_risk', reason: { kind: 'pulse_contact_request', person: 'mentor' } },
				{ level: 'watch', reason: { kind: 'pulse_no_contact', person: 'protege', times: 2 } }
			]
		});
	});
});
