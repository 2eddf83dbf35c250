import { describe, expect, it } from 'vitest';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';
import { conversationGuide, type GuideInput, type PairRole } from './conversation-guide';
import type { AnswerSet } from './pair-alignment';

const label = { en: 'x' };
const options = (values: string[]) => [
	...values.map((value) => ({ value, label })),
	{ value: 'dont_know', label, missing: true }
];
const item = (key: string, changes: Partial<ItemDocument>): ItemDocument => ({
	key,
	wave: 'pre',
	type: 'scale',
	required: true,
	critical: false,
	wording: { mentor: label, protege: label, employer: label, staff: label },
	...changes
});
const scale = (key: string, k = 5) =>
	item(key, { options: options(Array.from({ length: k }, (_, i) => String(i + 1))) });
const choice = item('starts', { type: 'choice', options: options(['mentor', 'protege', 'both']) });
const multi = item('modes', {
	type: 'multi',
	options: options(['in_person', 'video', 'phone', 'messages'])
});
const hours = item('hours', { type: 'number', number: { unit: label, min: 0, max: 40 } });
const notes = item('notes', { type: 'text' });
const later: ItemDocument = { ...scale('frequency_actual'), wave: 'mid' };

const construct = (key: string, items: ItemDocument[]): ConstructDocument => ({
	key,
	name: { en: key },
	weight: 1,
	items
});

const guideOf = (
	items: ItemDocument[],
	mine: AnswerSet,
	partner: AnswerSet,
	viewerRole: PairRole = 'protege'
) => conversationGuide({ constructs: [construct('c', items)], viewerRole, mine, partner });

/** Where an item ends up: under differences, under agreements, or nowhere. */
function placeOf(items: ItemDocument[], key: string, mine: AnswerSet, partner: AnswerSet) {
	const guide = guideOf(items, mine, partner);
	const find = (groups: typeof guide.differences) =>
		groups.flatMap((g) => g.topics).find((t) => t.item.key === key);
	const differing = find(guide.differences);
	if (differing) return { place: 'differ', divergence: differing.divergence };
	const agreeing = find(guide.agreements);
	if (agreeing) return { place: 'agree', divergence: agreeing.divergence };
	return { place: 'absent', divergence: null };
}

describe('the conversation guide sorts each answered item (hand-computed)', () => {
	it.each([
		['scale, same answer', scale('s'), ['3'], ['3'], 'agree', 0],
		['scale, one step on 5 points', scale('s'), ['2'], ['3'], 'differ', 0.25],
		['scale, two steps on 5 points', scale('s'), ['1'], ['3'], 'differ', 0.5],
		['scale, ends of 5 points', scale('s'), ['5'], ['1'], 'differ', 1],
		['scale, one step on 11 points is close enough', scale('s', 11), ['4'], ['5'], 'agree', 0.1],
		['choice, equal', choice, ['both'], ['both'], 'agree', 0],
		['choice, different', choice, ['mentor'], ['protege'], 'differ', 1],
		['multi, same set in another order', multi, ['video', 'phone'], ['phone', 'video'], 'agree', 0],
		['multi, one shared of two', multi, ['video', 'phone'], ['video'], 'differ', 0.5],
		['number, 6 and 7 hours are close', hours, ['6'], ['7'], 'agree', 1 / 7],
		['number, 4 and 8 hours', hours, ['4'], ['8'], 'differ', 0.5],
		['number, both 0', hours, ['0'], ['0'], 'agree', 0],
		['text, even when equal', notes, ['same words'], ['same words'], 'absent', null],
		['scale, "don\'t know"', scale('s'), ['dont_know'], ['3'], 'absent', null],
		['choice, partner said "don\'t know"', choice, ['both'], ['dont_know'], 'absent', null],
		['multi, only "don\'t know"', multi, ['dont_know'], ['video'], 'absent', null],
		['scale, not answered', scale('s'), undefined, ['3'], 'absent', null],
		['scale, empty answer', scale('s'), [], ['3'], 'absent', null],
		['scale, a value that is not an option', scale('s'), ['9'], ['3'], 'absent', null],
		['number, not a number', hours, ['many'], ['3'], 'absent', null],
		['a mid item', later, ['1'], ['5'], 'absent', null]
	])('%s', (_, subject, mine, partner, place, divergence) => {
		const { key } = subject;
		const result = placeOf([subject], key, { [key]: mine }, { [key]: partner });
		expect(result.place).toBe(place);
		if (divergence === null) expect(result.divergence).toBeNull();
		else expect(result.divergence).toBeCloseTo(divergence, 10);
	});
});

describe('the order of the guide', () => {
	const focus = construct('focus', [scale('f1'), scale('f2'), scale('f3')]);
	const contact = construct('contact', [scale('c1'), hours]);
	const input: GuideInput = {
		constructs: [focus, contact],
		viewerRole: 'mentor',
		mine: { f1: ['1'], f2: ['1'], f3: ['2'], c1: ['1'], hours: ['5'] },
		partner: { f1: ['2'], f2: ['5'], f3: ['2'], c1: ['3'], hours: ['5'] }
	};
	const guide = conversationGuide(input);

	it('puts the biggest difference first, within and across constructs', () => {
		expect(
			guide.differences.map((g) => [g.construct.key, g.topics.map((t) => t.item.key)])
		).toEqual([
			['focus', ['f2', 'f1']],
			['contact', ['c1']]
		]);
	});

	it('lists agreements in the instrument order, with both answers', () => {
		expect(
			guide.agreements.map((g) => [
				g.construct.key,
				g.topics.map((t) => [t.item.key, t.mine, t.partner])
			])
		).toEqual([
			['focus', [['f3', ['2'], ['2']]]],
			['contact', [['hours', ['5'], ['5']]]]
		]);
	});

	it.each([
		['mentor', 'protege'],
		['protege', 'mentor']
	] as const)('names the partner of a %s: the %s', (viewerRole, partnerRole) => {
		expect(conversationGuide({ ...input, viewerRole }).partnerRole).toBe(partnerRole);
	});

	it('keeps multi answers in option order and leaves "don\'t know" out', () => {
		const modes = guideOf(
			[multi],
			{ modes: ['phone', 'dont_know', 'in_person'] },
			{ modes: ['video'] }
		);
		expect(modes.differences[0]!.topics[0]!.mine).toEqual(['in_person', 'phone']);
	});

	it('has nothing to say when nothing can be compared', () => {
		expect(guideOf([notes, scale('s')], { notes: ['hi'] }, { s: ['1'] })).toEqual({
			partnerRole: 'mentor',
			differences: [],
			agreements: []
		});
	});
});

describe('the guide never leaks', () => {
	const secret = 'My manager at the bank must never know';
	const items = [scale('s'), choice, multi, hours, notes];
	const both: AnswerSet = {
		s: ['2'],
		starts: ['mentor'],
		modes: ['video'],
		hours: ['3'],
		notes: [secret]
	};

	it.each([
		['the partner’s free text', both, { ...both, notes: [secret] }],
		['the viewer’s own free text', { ...both, notes: [secret] }, both],
		['free text typed into a list question', { ...both, starts: [secret] }, both],
		['free text typed into a number question', both, { ...both, hours: [secret] }]
	])('%s', (_, mine, partner) => {
		for (const viewerRole of ['mentor', 'protege'] as const) {
			const guide = conversationGuide({
				constructs: [construct('c', items)],
				viewerRole,
				mine,
				partner
			});
			const answers = JSON.stringify(
				[...guide.differences, ...guide.agreements].flatMap((g) =>
					g.topics.map((t) => [t.mine, t.partner])
				)
			);
			expect(answers).not.toContain(secret);
			expect(JSON.stringify(guide)).not.toContain(secret);
		}
	});

	const employer: AnswerSet = { s: ['5'], starts: ['both'], modes: ['messages'], hours: ['40'] };
	const staff: AnswerSet = { s: ['4'], starts: ['protege'], modes: ['in_person'], hours: ['20'] };

	it.each([
		['employer', employer],
		['staff', staff]
	])('ignores %s answers, which it does not even accept', (_, others) => {
		const mine: AnswerSet = { s: ['1'], starts: ['mentor'], modes: ['video'], hours: ['2'] };
		const partner: AnswerSet = { s: ['2'], starts: ['mentor'], modes: ['phone'], hours: ['2'] };
		const input = { constructs: [construct('c', items)], viewerRole: 'mentor' as const };
		const guide = conversationGuide({
			...input,
			mine,
			partner,
			// @ts-expect-error: a guide is about the pair alone
			employer: others,
			staff: others
		});
		expect(guide).toEqual(conversationGuide({ ...input, mine, partner }));
		for (const topic of [...guide.differences, ...guide.agreements].flatMap((g) => g.topics)) {
			expect(topic.mine).toEqual(mine[topic.item.key]);
			expect(topic.partner).toEqual(partner[topic.item.key]);
		}
		// Only a mentor or a protégé has a guide (GuideInput's type says so); each reads about the other.
		expect(guide.partnerRole).toBe('protege');
		expect(conversationGuide({ ...input, viewerRole: 'protege', mine, partner }).partnerRole).toBe(
			'mentor'
		);
	});
});
