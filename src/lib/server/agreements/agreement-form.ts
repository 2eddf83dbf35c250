import { z } from 'zod';
import {
	AGREED_FREQUENCIES,
	AGREED_MODES,
	GOAL_TEXT_MAX,
	MAX_GOALS,
	STARTERS,
	type AgreementTerms
} from '$lib/pairs/agreement';
import { m } from '$lib/paraglide/messages';

/** The agreement form's fields: two goals may be typed in the pair's own words. */
export const OWN_GOAL_FIELDS = ['goal_text_1', 'goal_text_2'] as const;

/** What was sent, to show again beside the problems. */
export interface AgreementFormProblems {
	values: { frequency: string; modes: string[]; starter: string; goals: string[]; own: string[] };
	errors: Record<string, string>;
}

const optional = <T extends readonly [string, ...string[]]>(codes: T) =>
	z.enum(codes).nullable().catch(null);

/**
 * Reads the agreement form: a rhythm, ways of meeting, who starts contact (each optional, unknown
 * codes dropped), and at most three goals among `goalKeys` and the typed ones.
 */
export function readAgreementForm(
	data: FormData,
	goalKeys: readonly string[]
): { ok: true; terms: AgreementTerms } | ({ ok: false } & AgreementFormProblems) {
	const text = (name: string) => String(data.get(name) ?? '').trim();
	const values = {
		frequency: text('frequency'),
		modes: data.getAll('modes').map(String),
		starter: text('starter'),
		goals: data.getAll('goals').map(String),
		own: OWN_GOAL_FIELDS.map(text)
	};
	const errors: Record<string, string> = {};
	values.own.forEach((typed, i) => {
		if (typed.length > GOAL_TEXT_MAX) errors[OWN_GOAL_FIELDS[i]!] = m.p_agreement_goal_too_long();
	});
	const chosen = goalKeys.filter((key) => values.goals.includes(key));
	const typed = values.own.filter((typed) => typed !== '');
	if (chosen.length + typed.length > MAX_GOALS) errors.goals = m.p_agreement_too_many_goals();
	if (Object.keys(errors).length > 0) return { ok: false, values, errors };
	return {
		ok: true,
		terms: {
			frequency: optional(AGREED_FREQUENCIES).parse(values.frequency || null),
			modes: AGREED_MODES.filter((mode) => values.modes.includes(mode)),
			starter: optional(STARTERS).parse(values.starter || null),
			goals: [...chosen.map((item) => ({ item })), ...typed.map((text) => ({ text }))]
		}
	};
}
