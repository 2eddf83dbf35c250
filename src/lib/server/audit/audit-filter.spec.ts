import { describe, expect, it } from 'vitest';
import { readAuditQuery } from './audit-filter';

const read = (query: string) => readAuditQuery(new URLSearchParams(query));

describe('readAuditQuery', () => {
	it('reads every filter and the page', () => {
		expect(read('person=abc&action=signin.failed&from=2027-03-01&to=2027-03-31&page=3')).toEqual({
			ok: true,
			filter: { actorId: 'abc', action: 'signin.failed', from: '2027-03-01', to: '2027-03-31' },
			page: 3,
			values: { person: 'abc', action: 'signin.failed', from: '2027-03-01', to: '2027-03-31' }
		});
	});

	it('treats empty fields as no filter, and a strange page as the first', () => {
		for (const query of ['', 'person=&action=&from=&to=', 'page=0', 'page=-2', 'page=abc'])
			expect(read(query)).toMatchObject({
				ok: true,
				filter: { actorId: null, action: null, from: null, to: null },
				page: 1
			});
	});

	it.each(['2027-02-30', '2027-3-1', 'yesterday', '2027-03-01T00:00', '0000-00-00', '2027-13-01'])(
		'explains a date that is not a real day: %s',
		(day) => {
			expect(read(`from=${day}`)).toEqual({
				ok: false,
				errors: { from: 'Enter a real date, for example 2027-03-15' },
				values: { person: '', action: '', from: day, to: '' }
			});
		}
	);

	it('explains an end before the start', () => {
		expect(read('from=2027-03-02&to=2027-03-01')).toMatchObject({
			ok: false,
			errors: { to: 'The end date must be the same as the start date or later' }
		});
		expect(read('from=2027-03-02&to=2027-03-02')).toMatchObject({ ok: true });
	});
});
