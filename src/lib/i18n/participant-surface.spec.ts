import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * Everything a participant sees is worded in these files: their pages, the survey and guide
 * components, the language switch, error pages and the invitation and reminder e-mails.
 */
const PARTICIPANT_SURFACE = [
	'src/routes/(participant)',
	'src/routes/l',
	'src/routes/+error.svelte',
	'src/routes/+layout.svelte',
	'src/lib/components/survey',
	'src/lib/components/guide',
	'src/lib/components/agreement',
	'src/lib/server/agreements',
	'src/lib/components/ui/ErrorSummary.svelte',
	'src/lib/components/ui/LanguageSwitch.svelte',
	'src/lib/server/mail/compose.ts',
	'src/lib/server/survey',
	'src/lib/server/pulse/check-in-answers.ts',
	'src/lib/server/pulse/exit-surveys.ts',
	'src/lib/server/outcomes/follow-up-answers.ts',
	'src/lib/server/privacy/self-withdrawal.ts',
	'src/lib/analytics/conversation-guide-words.ts',
	'src/lib/survey'
];

function filesUnder(path: string): string[] {
	const full = join(ROOT, path);
	if (statSync(full).isFile()) return [full];
	return readdirSync(full).flatMap((name) => filesUnder(relative(ROOT, join(full, name))));
}

const sources = PARTICIPANT_SURFACE.flatMap(filesUnder).filter((f) => !f.includes('.spec.'));
const surfaceKeys = [
	...new Set(
		sources.flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/\bm\.(\w+)\b/g)].map((match) => match[1]!)
		)
	)
].sort();

type Message = string | { match: Record<string, string> }[];
const read = (locale: string) =>
	JSON.parse(readFileSync(join(ROOT, `src/lib/i18n/messages/${locale}.json`), 'utf8')) as Record<
		string,
		Message
	>;

/** The texts of a message: itself, or each plural variant. */
function variants(message: Message): string[] {
	return typeof message === 'string' ? [message] : message.flatMap((m) => Object.values(m.match));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((p) => p[1]!);

describe('the participant surface', () => {
	const english = read('en');

	it('is found in its files (the list above is read, not empty)', () => {
		expect(sources.length).toBeGreaterThan(30);
		expect(surfaceKeys).toEqual(
			expect.arrayContaining(['p_consent_agree', 'survey_next', 'mail_invitation_subject'])
		);
		expect(surfaceKeys.length).toBeGreaterThan(100);
	});

	it.each(locales.filter((locale) => locale !== 'en'))(
		'has every message in %s, with the placeholders of the English',
		(locale) => {
			const messages = read(locale);
			const problems: string[] = [];
			for (const key of surfaceKeys) {
				const source = english[key];
				const message = messages[key];
				if (source === undefined) problems.push(`${key}: not in en.json`);
				else if (message === undefined) problems.push(`${key}: missing`);
				else {
					const expected = new Set(variants(source).flatMap(placeholders));
					for (const text of variants(message)) {
						if (text.trim() === '') problems.push(`${key}: empty`);
						const used = placeholders(text);
						const unknown = used.filter((name) => !expected.has(name));
						if (unknown.length) problems.push(`${key}: unknown {${unknown.join('}, {')}}`);
					}
					const used = new Set(variants(message).flatMap(placeholders));
					const dropped = [...expected].filter((name) => !used.has(name));
					if (dropped.length) problems.push(`${key}: drops {${dropped.join('}, {')}}`);
				}
			}
			expect(problems).toEqual([]);
		}
	);

	it.each(locales)('has no message in %s that English lacks', (locale) => {
		const extra = Object.keys(read(locale)).filter((key) => !(key in english));
		expect(extra).toEqual([]);
	});

	it('renders Arabic, Persian and Chinese, falling back to English only for staff words', () => {
		expect(m.survey_next({}, { locale: 'ar' })).not.toBe(m.survey_next({}, { locale: 'en' }));
		expect(m.survey_next({}, { locale: 'fa' })).toMatch(/\p{Script=Arabic}/u);
		expect(m.survey_next({}, { locale: 'zh-Hans' })).toMatch(/\p{Script=Han}/u);
		expect(m.signin_title({}, { locale: 'ar' })).toBe('Sign in');
	});
});
