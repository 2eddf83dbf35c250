import { describe, expect, it } from 'vitest';
import { actionLabel, LABELLED_ACTIONS } from './action-labels';

// That every action has a label, and only those, is the type checker's job (ACTION_LABELS is a
// Record over AuditAction); these cases check the words people read.
describe('audit action labels', () => {
	it.each(['en', 'fr'] as const)('are plain, distinct words in %s', (locale) => {
		expect(LABELLED_ACTIONS.length).toBeGreaterThan(40);
		const labels = LABELLED_ACTIONS.map((action) => actionLabel(action, locale));
		for (const [i, label] of labels.entries()) {
			expect(label, LABELLED_ACTIONS[i]).not.toBe('');
			expect(label, LABELLED_ACTIONS[i]).not.toBe(LABELLED_ACTIONS[i]);
		}
		expect(new Set(labels).size).toBe(labels.length);
	});

	it('differ between English and French for every action', () => {
		const same = LABELLED_ACTIONS.filter(
			(action) => actionLabel(action, 'en') === actionLabel(action, 'fr')
		);
		expect(same).toEqual([]);
	});

	it.each([
		['signin.failed', 'Sign-in failed', 'Échec de connexion'],
		['pair.answers_viewed', 'Pair’s answers viewed', 'Réponses du jumelage consultées'],
		[
			'participant.erased',
			'Participant’s personal data erased',
			'Données personnelles d’un participant effacées'
		]
	])('say %s in the language asked', (action, en, fr) => {
		expect(actionLabel(action, 'en')).toBe(en);
		expect(actionLabel(action, 'fr')).toBe(fr);
	});

	it('keep the code of an action they do not know', () => {
		expect(actionLabel('retired.action', 'fr')).toBe('retired.action');
	});
});
