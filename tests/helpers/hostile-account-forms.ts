import { TEST_PASSWORD } from './fixtures';
import { NEW_PASSWORD, form, setupFields, signInFields, type FormTarget } from './hostile-forms';

/** Signing in and out, one's own account, administration and employers. */
export const ACCOUNT_FORMS: FormTarget[] = [
	form('sign-in', 'anonymous', 40, '/signin', signInFields()),
	form('accept invitation', 'invitee', 40, '/invite', {
		name: 'Ivy',
		password: 'river lantern cedar',
		confirm: 'river lantern cedar'
	}),
	form('second step: code', 'pending', 30, '/signin/two-factor?/code', { code: '123456' }),
	form('second step: backup code', 'pending', 30, '/signin/two-factor?/recovery', {
		recoveryCode: 'abcd-efgh-ijkl-mnop'
	}),
	form('language (participant)', 'participant', 30, '/language', {
		language: 'en',
		redirectTo: '/p'
	}),
	form('language (signed out)', 'anonymous', 30, '/language', { language: 'en' }),

	// Before the password changes: that ends the other session this one ends.
	form('end one session', 'account', 30, '/account/sessions?/end', (w) => ({
		sessionId: w.otherSessionId
	})),
	form('change password', 'account', 30, '/account?/password', {
		current: TEST_PASSWORD,
		password: NEW_PASSWORD,
		confirm: NEW_PASSWORD
	}),
	form('two-factor: confirm', 'account', 30, '/account/two-factor?/confirm', { code: '123456' }),
	form('two-factor: new backup codes', 'account', 15, '/account/two-factor?/backupCodes'),
	form('two-factor: turn off', 'account', 30, '/account/two-factor?/turnOff', {
		password: TEST_PASSWORD
	}),
	form('end other sessions', 'account', 15, '/account/sessions?/endOthers'),

	form('retention', 'admin', 30, '/admin/retention', { months: '24' }),
	form('security settings', 'admin', 30, '/admin/security', { requireTwoFactor: 'on' }),
	form('time zone', 'admin', 30, '/admin/time-zone', { timeZone: 'America/Toronto' }),
	form('invite staff', 'admin', 40, '/admin/staff?/invite', {
		name: 'Nia New',
		email: 'nia@a.org',
		role: 'coordinator'
	}),
	form('revoke invitation', 'admin', 30, '/admin/staff?/revoke', (w) => ({
		invitationId: w.revokeInvitationId
	})),
	form('change role', 'admin', 30, '/admin/staff?/role', (w) => ({
		staffId: w.samId,
		role: 'admin'
	})),
	form('disable staff', 'admin', 30, '/admin/staff?/disable', (w) => ({ staffId: w.samId })),
	form('enable staff', 'admin', 30, '/admin/staff?/enable', (w) => ({ staffId: w.samId })),
	form(
		"reset someone's two-factor",
		'admin',
		30,
		(w) => `/admin/staff/${w.samId}?/resetTwoFactor`,
		{
			confirm: 'yes'
		}
	),
	form("end someone's sessions", 'admin', 30, (w) => `/admin/staff/${w.samId}?/endSessions`, {
		confirm: 'yes'
	}),

	form('add employer', 'coordinator', 40, '/employers?/create', { name: 'Birch Corp' }),
	form('rename employer', 'coordinator', 40, '/employers?/rename', (w) => ({
		employerId: w.employerId,
		name: 'Maple Ltd'
	})),
	form('archive employer', 'coordinator', 30, '/employers?/archive', (w) => ({
		employerId: w.archivedEmployerId
	})),
	form('restore employer', 'coordinator', 30, '/employers?/restore', (w) => ({
		employerId: w.archivedEmployerId
	})),

	// Each ends something for the one who sends it; nothing else depends on them.
	form('withdraw myself', 'quitter', 15, '/p/withdraw'),
	form('first-run set-up (after set-up)', 'setup', 15, '/setup', setupFields()),
	form('sign out', 'leaver', 15, '/signout')
];
