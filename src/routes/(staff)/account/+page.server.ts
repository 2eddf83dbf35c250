import { m } from '$lib/paraglide/messages';
import { requireStaff } from '$lib/server/auth/guards';
import { listActiveSessions } from '$lib/server/auth/staff-sessions';
import { findTwoFactor } from '$lib/server/auth/two-factor';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { changePasswordSchema } from '$lib/server/forms/schemas';
import { changeOwnPassword } from '$lib/server/staff/password-change';

export async function load(event) {
	const staff = requireStaff(event);
	const db = getDb();
	const [twoFactor, sessions] = await Promise.all([
		findTwoFactor(db, staff.id),
		listActiveSessions(db, staff.id, event.locals.session!.id)
	]);
	return { twoFactorSince: twoFactor?.enrolled_at ?? null, sessionCount: sessions.length };
}

export const actions = {
	password: async (event) => {
		const staff = requireStaff(event);
		const form = await readForm(event.request, changePasswordSchema);
		if (!form.ok) return form.failure;
		const changed = await changeOwnPassword(
			getDb(),
			staff,
			event.locals.session!.id,
			form.data,
			event.getClientAddress()
		);
		if (!changed) return fieldFailure(400, 'current', m.error_current_password_wrong());
		redirectWithFlash(event.cookies, '/account', { kind: 'password_changed' });
	}
};
