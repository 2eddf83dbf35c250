import { describe, expect, it } from 'vitest';
import { describeDetail, factsLine } from './audit-details';

describe('describeDetail', () => {
	it('names known facts and puts codes into words', () => {
		const facts = describeDetail('staff.role_changed', { from: 'coordinator', to: 'admin' });
		expect(facts).toEqual([
			{ label: 'From', value: 'Coordinator' },
			{ label: 'To', value: 'Administrator' }
		]);
		expect(factsLine(facts)).toBe('From: Coordinator; To: Administrator');
	});

	it('never shows what could be a credential or an internal id', () => {
		const facts = describeDetail('staff.invited', {
			token: 't',
			passwordHash: 'h',
			recoveryCodes: ['a', 'b'],
			secret: 's',
			otp: '123456',
			noteId: 'n',
			participantIds: ['p'],
			id: 'x',
			role: 'coordinator'
		});
		expect(facts).toEqual([{ label: 'Role', value: 'Coordinator' }]);
	});

	it('hides a typed "email" that is not an email address: it may be a password', () => {
		expect(describeDetail('signin.failed', { email: 'ana@a.org' })).toEqual([
			{ label: 'Email', value: 'ana@a.org' }
		]);
		expect(describeDetail('signin.failed', { email: 'hunter2 hunter2' })).toEqual([
			{ label: 'Email', value: 'hidden: not an email address' }
		]);
	});

	it('counts lists of ids, lists names, and leaves nested objects out', () => {
		expect(
			describeDetail('participants.imported', {
				participants: ['a', 'b', 'c'],
				createdEmployers: ['Acme', 'Globex'],
				nested: { a: 1 },
				empty: ''
			})
		).toEqual([
			{ label: 'Participants', value: '3' },
			{ label: 'New employers', value: 'Acme, Globex' }
		]);
	});

	it('shows a fact it does not know under its own key, shortened when long', () => {
		const [fact] = describeDetail('retention.applied', { months: 'x'.repeat(500) });
		expect(fact!.label).toBe('months');
		expect(fact!.value).toHaveLength(200);
		expect(fact!.value.endsWith('…')).toBe(true);
	});

	it('leaves out the copied version id of a duplicated survey', () => {
		expect(describeDetail('instrument.duplicated', { from: 'k3j4h5g6f7d8s9a2' })).toEqual([]);
	});
});
