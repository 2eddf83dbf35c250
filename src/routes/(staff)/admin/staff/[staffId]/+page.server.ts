import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireAdmin } from '$lib/server/auth/guards';
import {
	endStaffSessions,
	getStaffSecurity,
	resetStaffTwoFactor
} from '$lib/server/auth/security-admin';
import { isTwoFactorRequired } from '$lib/server/auth/two-factor';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { confirmationSchema } from '$lib/server/forms/security-schemas';

export async function load(event) {
	const admin = requireAdmin(event);
	const db = getDb();
	const [security, required] = await Promise.all([
		getStaffSecurity(db, admin, event.params.staffId),
		isTwoFactorRequired(db, admin.organization_id)
	]);
	if (!security) error(404, 'Not found');
	return { security, required };
}

/** `field`: the confirmation checkbox of this form, where a missing tick is reported. */
async function changeStaff(
	event: RequestEvent<{ staffId: string }>,
	run: typeof resetStaffTwoFactor,
	field: 'confirmReset' | 'confirmEnd'
) {
	const admin = requireAdmin(event);
	const form = await readForm(event.request, confirmationSchema);
	if (!form.ok) return fieldFailure(400, field, m.error_confirm_required());
	const result = await run(getDb(), admin, event.params.staffId, event.getClientAddress());
	if (result === 'not_found') error(404, 'Not found');
	if (result === 'self') return fieldFailure(400, 'form', m.staff_security_not_self());
	redirectWithFlash(event.cookies, `/admin/staff/${event.params.staffId}`, {
		kind: field === 'confirmReset' ? 'staff_two_factor_reset' : 'staff_signed_out'
	});
}

export const actions = {
	resetTwoFactor: (event) => changeStaff(event, resetStaffTwoFactor, 'confirmReset'),
	endSessions: (event) => changeStaff(event, endStaffSessions, 'confirmEnd')
};
