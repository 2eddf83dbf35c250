import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionLabel, LABELLED_ACTIONS } from './action-labels';

/** The members of the AuditAction union as written in audit.ts (tests do not type-check). */
function declaredActions(): string[] {
	const source = readFileSync(new URL('./audit.ts', import.meta.url), 'utf8');
	const union = source.match(/export type AuditAction =([^;]*);/);
	if (!union) throw new Error('AuditAction union not found in audit.ts');
	return [...union[1]!.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
}

describe('audit action labels', () => {
	it('label every action the code can record, and nothing else', () => {
		const declared = declaredActions();
		expect(declared.length).toBeGreaterThan(40);
		expect([...LABELLED_ACTIONS].sort()).toEqual([...declared].sort());
	});

	it.each(['en', 'fr'] as const)('are plain, distinct words in %s', (locale) => {
		const labels = LABELLED_ACTIONS.map((action) => actionLabel(action, locale));
		for (const [i, label] of labels.entries()) {
			expect(label, LABELLED_ACTIONS[i]).not.toBe('');
			expect(label, LABELLED_ACTIONS[i]).not.toBe(LABELLED_ACTIONS[i]);
		}
		expect(new Set(labels).size).toBe(labels.length);
	});

	it('say the action in the language asked', () => {
		expect(actionLabel('signin.failed', 'en')).toBe('Sign-in failed');
		expect(actionLabel('signin.failed', 'fr')).toBe('Échec de connexion');
	});

	it('keep the code of an action they do not know', () => {
		expect(actionLabel('retired.action', 'fr')).toBe('retired.action');
	});
});
