import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '$lib/instruments/survey-pages';
import { readPage } from './page-answers';

const scale: SurveyQuestion = {
	key: 'often',
	type: 'scale',
	text: 'How often?',
	textAlso: null,
	label: 'Meeting frequency',
	hint: null,
	required: true,
	options: ['1', '2', '3', 'dont_know'].map((value) => ({
		value,
		label: value,
		missing: value === 'dont_know'
	})),
	number: null
};
const hours: SurveyQuestion = {
	...scale,
	key: 'hours',
	type: 'number',
	options: [],
	number: { unit: 'h', min: 0, max: 40, step: 0.5 }
};
const modes: SurveyQuestion = {
	...scale,
	key: 'modes',
	type: 'multi',
	required: false,
	options: ['video', 'phone'].map((value) => ({ value, label: value, missing: false }))
};
const notes: SurveyQuestion = {
	...scale,
	key: 'notes',
	type: 'text',
	required: false,
	options: []
};

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};

describe('readPage', () => {
	it.each([
		['a known option', [['often', '2']], { often: ['2'] }, {}],
		[
			'"don\'t know", which is a real answer',
			[['often', 'dont_know']],
			{ often: ['dont_know'] },
			{}
		],
		['an unknown option', [['often', '9']], { often: ['9'] }, { often: 'option' }],
		[
			'two values for a one-choice question',
			[
				['often', '1'],
				['often', '2']
			],
			{ often: ['1'] },
			{ often: 'option' }
		],
		['nothing for a required question', [], { often: [] }, { often: 'required' }]
	] as const)('scale: %s', (_, entries, answers, problems) => {
		const reading = readPage([scale], form(entries as unknown as [string, string][]), true);
		expect(reading.answers).toEqual(answers);
		expect(reading.problems).toEqual(problems);
	});

	it.each([
		['12', ['12'], undefined],
		['2,5', ['2.5'], undefined],
		['40.0', ['40'], undefined],
		['41', ['41'], 'number'],
		['-1', ['-1'], 'number'],
		['ten', ['ten'], 'number']
	])('number %s', (typed, stored, problem) => {
		const reading = readPage([hours], form([['hours', typed]]), true);
		expect(reading.answers.hours).toEqual(stored);
		expect(reading.problems.hours).toBe(problem);
	});

	it('keeps several choices once each, and refuses one that is not offered', () => {
		expect(
			readPage(
				[modes],
				form([
					['modes', 'video'],
					['modes', 'phone'],
					['modes', 'video']
				]),
				true
			).answers.modes
		).toEqual(['video', 'phone']);
		expect(readPage([modes], form([['modes', 'fax']]), true).problems.modes).toBe('option');
	});

	it('lets a person go back without answering, but never stores a bad value', () => {
		expect(readPage([scale], form([]), false).problems).toEqual({});
		expect(readPage([scale], form([['often', 'nope']]), false).problems).toEqual({
			often: 'option'
		});
	});

	it('refuses text over 4,000 characters and keeps text as typed', () => {
		expect(readPage([notes], form([['notes', 'x'.repeat(4001)]]), true).problems.notes).toBe(
			'too_long'
		);
		expect(readPage([notes], form([['notes', '  Hello,\nthanks ']]), true).answers.notes).toEqual([
			'  Hello,\nthanks '
		]);
	});
});
