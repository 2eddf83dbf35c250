import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { areCompatibleFollowUps } from '../../src/lib/instruments/follow-ups';
import { ROLES, WAVES, type ItemDocument } from '../../src/lib/instruments/types';
import { defaultInstrument } from '../../src/lib/server/instruments/default-instrument';
import { parseInstrumentDocument } from '../../src/lib/server/instruments/parse-document';
import { missingTranslations, translationEntries } from '../../src/lib/instruments/translation';
import { locales } from '../../src/lib/paraglide/runtime';

const items = defaultInstrument.constructs.flatMap((c) => c.items);
const byKey = new Map(items.map((i) => [i.key, i]));
/** Every language the participant surface ships: the instrument has each in full. */
const LANGUAGES = locales;

/** Flesch-Kincaid grade of one text: words, sentences and syllables counted plainly. */
export function gradeOf(text: string): number {
	const words = text.match(/[A-Za-z'’-]+/g) ?? [];
	const sentences = Math.max(1, (text.match(/[.!?]+/g) ?? []).length);
	const syllables = words.reduce((sum, word) => sum + syllable(word), 0);
	return fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables });
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe('the default instrument', () => {
	it('passes every rule an imported instrument must pass', () => {
		const parsed = parseInstrumentDocument(defaultInstrument);
		expect(parsed.ok ? [] : parsed.problems).toEqual([]);
	});

	it('covers the six constructs of DESIGN §4 with at least 30 pre and 20 mid items', () => {
		const keys = defaultInstrument.constructs.map((c) => c.key);
		expect(keys).toEqual(
			expect.arrayContaining([
				'focus',
				'contact',
				'roles',
				'outcomes',
				'relationship',
				'commitment'
			])
		);
		expect(items.filter((i) => i.wave === 'pre').length).toBeGreaterThanOrEqual(30);
		expect(items.filter((i) => i.wave === 'mid').length).toBeGreaterThanOrEqual(20);
	});

	it('words every question for each role it asks, in every shipped language', () => {
		for (const item of items) {
			const roles = ROLES.filter((role) => item.wording[role]);
			expect(roles.length, item.key).toBeGreaterThanOrEqual(3);
			for (const role of roles) {
				for (const language of LANGUAGES)
					expect(
						item.wording[role]?.[language]?.trim(),
						`${item.key} ${role} ${language}`
					).toBeTruthy();
			}
		}
	});

	it('labels every option in every shipped language, and every scale has a "don\'t know" that counts as missing', () => {
		for (const item of items) {
			for (const option of item.options ?? []) {
				for (const language of LANGUAGES)
					expect(option.label[language]?.trim(), `${item.key}/${option.value}`).toBeTruthy();
			}
			if (item.type === 'scale')
				expect(
					item.options!.filter((o) => o.missing),
					item.key
				).toHaveLength(1);
		}
	});

	it('gives every question a short name in every shipped language, unique within its wave', () => {
		for (const language of LANGUAGES) {
			for (const wave of WAVES) {
				const labels = items
					.filter((i) => i.wave === wave)
					.map((i) => [i.key, i.label?.[language]?.trim() ?? ''] as const);
				for (const [key, label] of labels) {
					expect(label, `${key} ${language}`).toBeTruthy();
					// Dashboards show the English or French name: those stay within seven words.
					if (language !== 'en' && language !== 'fr') continue;
					const words = label.split(/\s+/).filter((word) => word !== '—');
					expect(words.length, `${key} ${language}: ${label}`).toBeLessThanOrEqual(7);
				}
				const names = labels.map(([, label]) => label);
				expect(new Set(names).size, `${wave} ${language}`).toBe(names.length);
			}
		}
		expect(byKey.get('focus_job_leads')!.label).toMatchObject({
			en: 'Job leads and referrals',
			fr: 'Pistes d’emploi et recommandations'
		});
	});

	it('has every text in every shipped language, with the numbers of the English', () => {
		expect([...defaultInstrument.languages].sort()).toEqual([...locales].sort());
		for (const language of locales) {
			expect(missingTranslations(defaultInstrument, language), language).toEqual([]);
			for (const entry of translationEntries(defaultInstrument, language)) {
				// Placeholders never appear in survey texts; a brace would show as typed.
				expect(entry.text, `${language} ${entry.key}`).not.toMatch(/[{}]/);
			}
		}
	});

	it('marks the classic unmet expectations as critical', () => {
		const critical = items
			.filter((i) => i.critical)
			.map((i) => i.key)
			.sort();
		expect(critical).toEqual(['focus_job_leads', 'outcomes_job_offer', 'outcomes_referral']);
	});

	it('links every mid experience item to a compatible pre expectation', () => {
		const standalone = new Set([
			'commitment_partner',
			'check_in_satisfaction',
			'check_in_expectations_met',
			'check_in_contact_request'
		]);
		for (const item of items.filter((i) => i.wave === 'mid' && i.type !== 'text')) {
			if (standalone.has(item.key)) continue;
			const pre: ItemDocument | undefined = byKey.get(item.follows ?? '');
			expect(pre?.wave, `${item.key} follows ${item.follows}`).toBe('pre');
			expect(areCompatibleFollowUps(pre!, item), item.key).toBe(true);
		}
	});

	it('reads at grade 6 or below (median Flesch-Kincaid of the English question texts)', () => {
		const texts = items.flatMap((i) =>
			ROLES.map((role) => i.wording[role]?.en).filter((t): t is string => !!t)
		);
		const grade = median(texts.map(gradeOf));
		expect(texts.length).toBeGreaterThan(200);
		expect(grade).toBeLessThanOrEqual(6);
	});

	it('computes grades the way Flesch and Kincaid do', () => {
		expect(gradeOf('The cat sat on the mat.')).toBeCloseTo(-1.45, 1);
		expect(gradeOf('How important is professional networking to you?')).toBeGreaterThan(8);
	});
});
