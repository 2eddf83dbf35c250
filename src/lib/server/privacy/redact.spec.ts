import { describe, expect, it } from 'vitest';
import { identityPattern, mentionsIdentity, redactIdentity } from './redact';

const person = {
	name: 'María-José  Núñez',
	email: 'mj.nunez@example.org',
	phone: '+1 514 555 0199'
};
const maria = identityPattern([person]);

describe('redactIdentity', () => {
	it.each([
		['Call María-José Núñez soon', 'Call [erased] soon'],
		['MARÍA-JOSÉ NÚÑEZ moved', '[erased] moved'],
		['maría-josé   núñez moved', '[erased] moved'],
		['Wrote to mj.nunez@example.org', 'Wrote to [erased]'],
		['Phone +1 514 555 0199 works', 'Phone [erased] works'],
		['María said yes; Núñez agreed', '[erased] said yes; [erased] agreed'],
		['Josée and Mariah are others', 'Josée and Mariah are others'],
		['Nothing about her', 'Nothing about her']
	])('%j becomes %j', (text, expected) => {
		expect(redactIdentity(text, maria)).toBe(expected);
	});

	it('keeps short name parts that are ordinary words', () => {
		const li = identityPattern([{ name: 'Li de Wit', email: 'li@example.org', phone: null }]);
		expect(redactIdentity('Li de Wit asked de facto', li)).toBe('[erased] asked de facto');
	});

	it('without name parts, removes only the full name, email and phone', () => {
		const whole = identityPattern([person], { nameParts: false });
		expect(redactIdentity('María-José Núñez and María', whole)).toBe('[erased] and María');
	});

	it('finds any of several people', () => {
		const two = identityPattern([person, { name: 'Tom Baker', email: 'tb@x.org', phone: null }]);
		expect(redactIdentity('Tom met Núñez', two)).toBe('[erased] met [erased]');
	});

	it('answers the same for every call, whatever the last search left behind', () => {
		expect(mentionsIdentity('Núñez', maria)).toBe(true);
		expect(mentionsIdentity('Núñez', maria)).toBe(true);
		expect(mentionsIdentity('Nobody', maria)).toBe(false);
	});
});
