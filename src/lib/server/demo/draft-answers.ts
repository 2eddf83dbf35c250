import type { ItemDocument } from '$lib/instruments/types';
import type { Answers } from '$lib/survey/page-answers';
import { carryLevel, levelCount, levelOf, valueAtLevel } from './levels';
import type { Random } from './random';
import { MEETING_MODES, type Typical } from './typical-answers';

export type Side = 'mentor' | 'protege';
export type SideAnswers = Record<Side, Answers>;

/** A second person's answer: mostly the same step as the first, sometimes one step either way. */
const NEARBY = [-1, 0, 0, 1];

const optionValues = (item: ItemDocument) =>
	(item.options ?? []).filter((o) => !o.missing).map((o) => o.value);

const toHalf = (n: number) => Math.round(n * 2) / 2;

function clampNumber(item: ItemDocument, n: number): string {
	const { min, max } = item.number ?? { min: 0, max: 40 };
	return String(Math.max(min, Math.min(max, toHalf(n))));
}

function typicalValue(item: ItemDocument, typical: Typical, random: Random): string {
	const listed = typical[item.key];
	if (listed) return random.pick(listed);
	if (item.type === 'scale') return valueAtLevel(item, Math.floor((levelCount(item) - 1) / 2));
	if (item.type === 'number') return clampNumber(item, 2);
	return optionValues(item)[0]!;
}

function modes(item: ItemDocument, random: Random): string[] {
	const known = new Set(optionValues(item));
	return random.pick(MEETING_MODES).filter((mode) => known.has(mode));
}

/** Some of the modes, never none. */
function someOf(values: string[], random: Random): string[] {
	const kept = values.filter(() => random.chance(0.7));
	return kept.length > 0 ? kept : [random.pick(values)];
}

/**
 * `pre` answers of a pair that expects the same things: each scale answer at most one step from
 * the partner's, the same choices, similar hours. Stories then change what they are about.
 */
export function draftPairPre(items: ItemDocument[], typical: Typical, random: Random): SideAnswers {
	const mentor: Answers = {};
	const protege: Answers = {};
	for (const item of items) {
		if (item.type === 'text') continue;
		const value = typicalValue(item, typical, random);
		if (item.type === 'scale') {
			mentor[item.key] = [value];
			const level = levelOf(item, value)! + random.pick(NEARBY);
			protege[item.key] = [valueAtLevel(item, level)];
		} else if (item.type === 'choice') {
			mentor[item.key] = protege[item.key] = [value];
		} else if (item.type === 'multi') {
			mentor[item.key] = modes(item, random);
			protege[item.key] = random.chance(0.4) ? modes(item, random) : mentor[item.key]!;
		} else {
			mentor[item.key] = [value];
			protege[item.key] = [clampNumber(item, Math.max(1, Number(value) + random.pick(NEARBY)))];
		}
	}
	return { mentor, protege };
}

/**
 * `mid` answers of a pair for whom things go as hoped: what each reports having lived is at most
 * one step short of what either expected, and the two report the same facts within one step.
 */
export function draftPairMid(
	items: ItemDocument[],
	preItems: ItemDocument[],
	pre: SideAnswers,
	typical: Typical,
	random: Random
): SideAnswers {
	const mentor: Answers = {};
	const protege: Answers = {};
	const preByKey = new Map(preItems.map((item) => [item.key, item]));
	for (const item of items) {
		const followed = item.follows ? preByKey.get(item.follows) : undefined;
		const expected = (side: Side) => (followed ? pre[side][followed.key]?.[0] : undefined);
		if (item.type === 'text') continue;
		if (followed && item.type === 'scale' && followed.type === 'scale') {
			const levels = [expected('mentor'), expected('protege')]
				.map((value) => levelOf(followed, value))
				.filter((level) => level !== null);
			const highest = levels.length > 0 ? Math.max(...levels) : levelCount(followed) / 2;
			const lived = carryLevel(followed, item, highest) - (random.chance(0.3) ? 1 : 0);
			mentor[item.key] = [valueAtLevel(item, lived)];
			protege[item.key] = [valueAtLevel(item, lived + (random.chance(0.3) ? 1 : 0))];
		} else if (followed && item.type === 'number') {
			const hours = [expected('mentor'), expected('protege')].map(Number).filter(Number.isFinite);
			const lived = Math.max(2, ...hours) * random.pick([0.75, 1, 1, 1.25]);
			mentor[item.key] = [clampNumber(item, lived)];
			protege[item.key] = [clampNumber(item, lived + (random.chance(0.3) ? 0.5 : 0))];
		} else if (item.type === 'multi') {
			const used = followed
				? [...new Set([...(pre.mentor[followed.key] ?? []), ...(pre.protege[followed.key] ?? [])])]
				: [];
			const pool = used.length > 0 ? used : modes(item, random);
			mentor[item.key] = someOf(pool, random);
			protege[item.key] = someOf(pool, random);
		} else if (followed && item.type === 'choice') {
			const said = expected('mentor');
			const value = said && optionValues(item).includes(said) ? said : undefined;
			mentor[item.key] = protege[item.key] = [value ?? typicalValue(item, typical, random)];
		} else {
			mentor[item.key] = [typicalValue(item, typical, random)];
			protege[item.key] = [typicalValue(item, typical, random)];
		}
	}
	return { mentor, protege };
}

/** One unpaired person's `pre` answers: a typical answer to each item, nobody to stay close to. */
export function draftOwnPre(items: ItemDocument[], typical: Typical, random: Random): Answers {
	const answers: Answers = {};
	for (const item of items) {
		if (item.type === 'text') continue;
		answers[item.key] =
			item.type === 'multi' ? modes(item, random) : [typicalValue(item, typical, random)];
	}
	return answers;
}

/** An employer contact's or a coordinator's answers: their own view, with no partner to match. */
export function draftStakeholder(
	items: ItemDocument[],
	preItems: ItemDocument[],
	ownPre: Answers,
	typical: Typical,
	random: Random
): Answers {
	const answers: Answers = {};
	const preByKey = new Map(preItems.map((item) => [item.key, item]));
	for (const item of items) {
		if (item.type === 'text') continue;
		const followed = item.follows ? preByKey.get(item.follows) : undefined;
		const said = followed ? ownPre[followed.key] : undefined;
		const saidLevel = followed ? levelOf(followed, said?.[0]) : null;
		if (item.type === 'multi') {
			answers[item.key] = said ? someOf([...said], random) : modes(item, random);
		} else if (item.type === 'scale') {
			const level =
				followed && saidLevel !== null
					? carryLevel(followed, item, saidLevel)
					: levelOf(item, typicalValue(item, typical, random))!;
			answers[item.key] = [valueAtLevel(item, level + random.pick(NEARBY))];
		} else if (item.type === 'number') {
			const base = Number(said?.[0] ?? typicalValue(item, typical, random));
			answers[item.key] = [clampNumber(item, base * random.pick([0.75, 1, 1.25]))];
		} else {
			const kept = said?.[0] && optionValues(item).includes(said[0]) ? said[0] : undefined;
			answers[item.key] = [kept ?? typicalValue(item, typical, random)];
		}
	}
	return answers;
}
