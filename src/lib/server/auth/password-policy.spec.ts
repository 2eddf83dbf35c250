import { describe, expect, it } from 'vitest';
import { findPasswordProblem } from './password-policy';

describe('findPasswordProblem', () => {
	it.each([
		['short7!', 'too_short'],
		['x'.repeat(129), 'too_long'],
		['password1', 'too_common'],
		['PASSWORD1', 'too_common'],
		['12345678', 'too_common'],
		['motdepasse', 'too_common'],
		['x'.repeat(128), null],
		['maple kettle orbit', null],
		['élève-café-23', null]
	])('%s → %s', (password, problem) => {
		expect(findPasswordProblem(password)).toBe(problem);
	});

	it('counts characters, not bytes', () => {
		expect(findPasswordProblem('ééééééé')).toBe('too_short');
		expect(findPasswordProblem('éèêëàâäô')).toBeNull();
	});
});
