import type { Answer } from '$lib/alignment/item-divergence';
import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { ConstructDocument, ItemDocument } from '$lib/instruments/types';

/**
 * What a pair agrees on after reading their conversation guide: how often and how they meet, who
 * starts contact, and up to three goals. Tandem's own codes, so that reasons can say "every two
 * weeks" in every language; the default instrument's `pre` answers fill them in where both agree.
 */
export const AGREED_FREQUENCIES = [
	'twice_weekly',
	'weekly',
	'every_two_weeks',
	'monthly',
	'less_than_monthly'
] as const;
export type AgreedFrequency = (typeof AGREED_FREQUENCIES)[number];

/** Days between meetings each rhythm stands for. */
export const FREQUENCY_DAYS: Record<AgreedFrequency, number> = {
	twice_weekly: 3.5,
	weekly: 7,
	every_two_weeks: 14,
	monthly: 30,
	less_than_monthly: 60
};

export const AGREED_MODES = ['in_person', 'video', 'phone', 'messages'] as const;
export type AgreedMode = (typeof AGREED_MODES)[number];

export const STARTERS = ['mentor', 'protege', 'both'] as const;
export type Starter = (typeof STARTERS)[number];

export const MAX_GOALS = 3;
export const GOAL_TEXT_MAX = 200;

/** A goal: one of the instrument's focus items, or the pair's own words. */
export type Goal = { item: string } | { text: string };

export interface AgreementTerms {
	frequency: AgreedFrequency | null;
	modes: AgreedMode[];
	starter: Starter | null;
	goals: Goal[];
}

export const EMPTY_TERMS: AgreementTerms = { frequency: null, modes: [], starter: null, goals: [] };

/** The default instrument's items the agreement reads (a `pre` item and the `mid` item after it). */
export const AGREEMENT_ITEMS = {
	frequency: 'contact_frequency',
	frequencyActual: 'contact_frequency_actual',
	modes: 'contact_modes',
	starter: 'roles_start_contact',
	starterActual: 'roles_start_contact_actual',
	focusConstruct: 'focus'
} as const;

/** An answer's step on a five-step scale (1–5), or null for "don't know", none or another scale. */
export function scaleStep(item: ItemDocument | undefined, answer: Answer): number | null {
	if (!item || item.type !== 'scale' || !answer?.[0]) return null;
	const steps = (item.options ?? []).filter((o) => !o.missing).map((o) => o.value);
	if (steps.length !== 5) return null;
	const index = steps.indexOf(answer[0]);
	return index === -1 ? null : index + 1;
}

/** "Only the mentor" and "mostly the mentor" (steps 1–2), "both the same" (3), the mentee (4–5). */
export function starterOfStep(step: number): Starter {
	return step <= 2 ? 'mentor' : step === 3 ? 'both' : 'protege';
}

/** The goals a pair may choose: the `pre` scale items of the instrument's focus construct. */
export function focusItems(constructs: readonly ConstructDocument[]): ItemDocument[] {
	const focus = constructs.find((c) => c.key === AGREEMENT_ITEMS.focusConstruct);
	return (focus?.items ?? []).filter((item) => item.wave === 'pre' && item.type === 'scale');
}

/** Both rate a focus topic at least this step (of 5) for it to be offered as a shared goal. */
const SHARED_GOAL_FROM = 4;

/**
 * The terms both people's `pre` answers already agree on: the same meeting rhythm, the ways of
 * meeting both chose, the same answer on who starts contact, and up to three focus topics both
 * find very important (the highest together first). Anything they differ on is left for them.
 */
export function prefillTerms(
	constructs: readonly ConstructDocument[],
	mine: AnswerSet,
	partner: AnswerSet
): AgreementTerms {
	const byKey = new Map(constructs.flatMap((c) => c.items).map((item) => [item.key, item]));
	const both = (key: string): [number | null, number | null] => {
		const item = byKey.get(key);
		return [scaleStep(item, mine[key]), scaleStep(item, partner[key])];
	};
	const [myRhythm, theirRhythm] = both(AGREEMENT_ITEMS.frequency);
	const frequency =
		myRhythm !== null && myRhythm === theirRhythm ? AGREED_FREQUENCIES[myRhythm - 1]! : null;
	const [myStarter, theirStarter] = both(AGREEMENT_ITEMS.starter);
	const starter =
		myStarter !== null &&
		theirStarter !== null &&
		starterOfStep(myStarter) === starterOfStep(theirStarter)
			? starterOfStep(myStarter)
			: null;
	const modes = AGREED_MODES.filter(
		(mode) =>
			(mine[AGREEMENT_ITEMS.modes] ?? []).includes(mode) &&
			(partner[AGREEMENT_ITEMS.modes] ?? []).includes(mode)
	);
	const goals = focusItems(constructs)
		.map((item) => ({ item, steps: both(item.key) }))
		.filter(({ steps }) => steps.every((step) => step !== null && step >= SHARED_GOAL_FROM))
		.map(({ item, steps }) => ({ key: item.key, sum: steps[0]! + steps[1]! }))
		.sort((a, b) => b.sum - a.sum)
		.slice(0, MAX_GOALS)
		.map(({ key }) => ({ item: key }));
	return { frequency, modes, starter, goals };
}

/** Terms as stored (JSON columns) and back; unknown codes read as nothing. */
export function termsOfRow(row: {
	frequency: string | null;
	modes: string;
	starter: string | null;
	goals: string;
}): AgreementTerms {
	const known = <T extends string>(list: readonly T[], value: unknown): value is T =>
		list.includes(value as T);
	const modes = (JSON.parse(row.modes) as unknown[]).filter((m) => known(AGREED_MODES, m));
	const goals = (JSON.parse(row.goals) as Goal[]).filter(
		(goal) => typeof goal === 'object' && goal !== null && ('item' in goal || 'text' in goal)
	);
	return {
		frequency: known(AGREED_FREQUENCIES, row.frequency) ? row.frequency : null,
		modes: modes as AgreedMode[],
		starter: known(STARTERS, row.starter) ? row.starter : null,
		goals: goals.slice(0, MAX_GOALS)
	};
}

export function sameTerms(a: AgreementTerms, b: AgreementTerms): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
