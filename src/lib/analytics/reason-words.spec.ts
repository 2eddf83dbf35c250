import { describe, expect, it } from 'vitest';
import type { RiskReason } from '$lib/alignment/risk';
import type { ItemDocument } from '$lib/instruments/types';
import { describeReason } from './reason-words';

const importance = ['Not important', 'A little', 'Somewhat', 'Important', 'Very important'];
const importanceFr = ['Pas important', 'Un peu', 'Moyennement', 'Important', 'Très important'];
const scaleOptions = importance.map((en, i) => ({
	value: String(i + 1),
	label: { en, fr: importanceFr[i]! }
}));
const jobLeads: ItemDocument = {
	key: 'focus_job_leads',
	label: { en: 'Job leads and referrals', fr: 'Pistes d’emploi et recommandations' },
	wave: 'pre',
	type: 'scale',
	required: true,
	critical: true,
	direction: 'ascending',
	options: [...scaleOptions, { value: 'dont_know', label: { en: 'I don’t know' }, missing: true }],
	wording: { staff: { en: 'How important are job leads?' } }
};
const covered: ItemDocument = {
	...jobLeads,
	key: 'focus_job_leads_covered',
	label: { en: 'Job leads — covered', fr: 'Pistes d’emploi — abordées' },
	wave: 'mid',
	follows: 'focus_job_leads',
	critical: false
};
const frequency: ItemDocument = {
	...jobLeads,
	key: 'contact_frequency_actual',
	label: { en: 'How often they met' },
	wave: 'mid',
	critical: false,
	options: ['Every week', 'Every two weeks', 'Every month'].map((en, i) => ({
		value: String(i + 1),
		label: { en }
	}))
};
const items = new Map([jobLeads, covered, frequency].map((item) => [item.key, item]));

describe('risk reasons in words', () => {
	it.each<[string, RiskReason, string]>([
		[
			'en',
			{
				kind: 'critical_mismatch',
				wave: 'pre',
				itemKey: 'focus_job_leads',
				mentor: '1',
				protege: '5'
			},
			'Far apart on a key question. Job leads and referrals: protégé “Very important” (5 of 5), mentor “Not important” (1 of 5).'
		],
		[
			'fr',
			{
				kind: 'critical_mismatch',
				wave: 'pre',
				itemKey: 'focus_job_leads',
				mentor: '1',
				protege: '5'
			},
			'Très loin sur une question clé. Pistes d’emploi et recommandations : personne mentorée « Très important » (5 sur 5), mentor « Pas important » (1 sur 5).'
		],
		[
			'en',
			{ kind: 'low_alignment', wave: 'pre', score: 0.456, below: 'risk', threshold: 0.5 },
			'Mentor and protégé agree on 46% of their expectations before the program; this program flags pairs under 50%.'
		],
		[
			'en',
			{ kind: 'low_commitment', rater: 'protege', itemKey: 'focus_job_leads', value: '2' },
			'The protégé rates the mentor’s commitment “A little” (2 of 5).'
		],
		[
			'en',
			{
				kind: 'unmet_expectation',
				person: 'protege',
				itemKey: 'focus_job_leads_covered',
				expected: '5',
				experienced: '1',
				shortfall: 1
			},
			'Expectation not met for the protégé. Job leads — covered: expected “Very important” (5 of 5), now “Not important” (1 of 5).'
		],
		[
			'en',
			{ kind: 'perception_gap', itemKey: 'contact_frequency_actual', mentor: '1', protege: '3' },
			'They report it differently. How often they met: mentor “Every week” (1 of 3), protégé “Every month” (3 of 3).'
		],
		[
			'en',
			{ kind: 'contact_request', person: 'mentor' },
			'The mentor asked for a coordinator to contact them.'
		],
		[
			'fr',
			{ kind: 'overdue', person: 'protege', wave: 'mid' },
			'La personne mentorée n’a pas répondu au questionnaire de suivi.'
		],
		[
			'en',
			{ kind: 'critical_mismatch', wave: 'pre', itemKey: 'gone', mentor: '1', protege: '5' },
			'Far apart on a key question. gone: protégé 5, mentor 1.'
		]
	])('%s: %j', (language, reason, expected) => {
		expect(describeReason(reason, items, language)).toBe(expected);
	});
});
