import { describe, expect, it } from 'vitest';
import {
	compareSeverity,
	constructOfItem,
	reasonPlace,
	severityOf,
	standingOf,
	type Severity,
	type Standing
} from './attention';
import { DEFAULT_RISK_KEYS, type AssessedReason, type RiskReason } from './risk';
import { constructs } from './testing/instrument';

const overdue: RiskReason = { kind: 'overdue', person: 'mentor', wave: 'mid' };
const watch = (reason: RiskReason = overdue): AssessedReason => ({ level: 'watch', reason });
const serious = (reason: RiskReason = overdue): AssessedReason => ({ level: 'at_risk', reason });

describe('standing', () => {
	it.each([
		['ok', null, 'waiting'],
		['ok', 'pre', 'ok'],
		['ok', 'mid', 'ok'],
		['watch', null, 'watch'],
		['at_risk', null, 'at_risk'],
		['at_risk', 'mid', 'at_risk']
	] as const)('a pair %s with latest comparable wave %s stands %s', (status, latest, expected) => {
		expect(standingOf({ status, latest })).toBe(expected);
	});
});

describe('severity', () => {
	it('counts serious and milder signals', () => {
		expect(severityOf([serious(), watch(), serious(), watch(), watch()])).toEqual({
			serious: 2,
			watch: 3
		});
		expect(severityOf([])).toEqual({ serious: 0, watch: 0 });
	});

	const pair = (name: string, standing: Standing, severity: Severity) => ({
		name,
		standing,
		severity
	});

	it('orders by standing, then serious signals, then signals to watch', () => {
		const pairs = [
			pair('ok', 'ok', { serious: 0, watch: 0 }),
			pair('waiting', 'waiting', { serious: 0, watch: 0 }),
			pair('watch 3', 'watch', { serious: 0, watch: 3 }),
			pair('risk 1+4', 'at_risk', { serious: 1, watch: 4 }),
			pair('risk 2+0', 'at_risk', { serious: 2, watch: 0 }),
			pair('watch 1', 'watch', { serious: 0, watch: 1 }),
			pair('risk 1+1', 'at_risk', { serious: 1, watch: 1 })
		];
		expect(pairs.sort(compareSeverity).map((p) => p.name)).toEqual([
			'risk 2+0',
			'risk 1+4',
			'risk 1+1',
			'watch 3',
			'watch 1',
			'waiting',
			'ok'
		]);
	});
});

describe('reason place', () => {
	const constructOf = constructOfItem(constructs);
	it.each<[string, RiskReason, ReturnType<typeof reasonPlace>]>([
		[
			'a key question in its topic',
			{ kind: 'critical_mismatch', wave: 'pre', itemKey: 'referrals', mentor: '1', protege: '5' },
			{ column: 'topic', constructKey: 'focus', itemKey: 'referrals' }
		],
		[
			'a commitment rating in its topic',
			{ kind: 'low_commitment', rater: 'protege', itemKey: 'commitment_partner', value: '2' },
			{ column: 'topic', constructKey: 'commitment', itemKey: 'commitment_partner' }
		],
		[
			'an unmet expectation in the topic of the check-in item',
			{
				kind: 'unmet_expectation',
				person: 'protege',
				itemKey: 'networking_covered',
				expected: '5',
				experienced: '1',
				shortfall: 1
			},
			{ column: 'topic', constructKey: 'focus', itemKey: 'networking_covered' }
		],
		[
			'a request to be contacted in the topic of the request item',
			{ kind: 'contact_request', person: 'mentor' },
			{ column: 'topic', constructKey: 'commitment', itemKey: 'check_in_contact_request' }
		],
		[
			'low alignment on the overall number',
			{ kind: 'low_alignment', wave: 'mid', score: 0.4, below: 'risk', threshold: 0.5 },
			{ column: 'overall' }
		],
		['a late survey on the answers', overdue, { column: 'answers' }]
	])('puts %s', (_, reason, place) => {
		expect(reasonPlace(reason, constructOf, DEFAULT_RISK_KEYS)).toEqual(place);
	});
});
