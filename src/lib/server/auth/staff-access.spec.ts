import { describe, expect, it } from 'vitest';
import { mayVisitBeforeEnrolment, staffAccessFor } from './staff-access';

const passwordOnly = { two_factor_verified_at: null };
const verifiedAt = (t: number) => ({ two_factor_verified_at: t });

describe('what a staff session may do', () => {
	it.each([
		['no app, not required', passwordOnly, null, false, 'signed_in'],
		['no app, required by the organization', passwordOnly, null, true, 'enrolment_required'],
		['app set up, password only', passwordOnly, 100, false, 'second_factor_pending'],
		['app set up, code given', verifiedAt(150), 100, true, 'signed_in'],
		['app set up, code given at set-up', verifiedAt(100), 100, false, 'signed_in'],
		['code given for an earlier app', verifiedAt(50), 100, false, 'second_factor_pending']
	] as const)('%s → %s', (_label, session, enrolledAt, required, expected) => {
		expect(staffAccessFor(session, enrolledAt, required)).toBe(expected);
	});
});

describe('pages open before setting up the app', () => {
	it.each([
		['/account/two-factor', true],
		['/signout', true],
		['/language', true],
		['/l/abcdef', true],
		['/p', true],
		['/p/a/123/page/1', true],
		['/', false],
		['/account', false],
		['/account/sessions', false],
		['/account/two-factorx', false],
		['/programs', false],
		['/pairs', false],
		['/admin/settings', false]
	])('%s → %s', (path, open) => {
		expect(mayVisitBeforeEnrolment(path)).toBe(open);
	});
});
