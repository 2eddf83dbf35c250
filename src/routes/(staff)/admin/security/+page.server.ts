import { m } from '$lib/paraglide/messages';
import { requireAdmin } from '$lib/server/auth/guards';
import { listStaffWithTwoFactor, setTwoFactorRequired } from '$lib/server/auth/security-admin';
import { isTwoFactorRequired } from '$lib/server/auth/two-factor';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { securitySettingsSchema } from '$lib/server/forms/security-schemas';
import { listStaff } from '$lib/server/staff/staff';

export async function load(event) {
	const admin = requireAdmin(event);
	const db = getDb();
	const [required, withTwoFactor, staff] = await Promise.all([
		isTwoFactorRequired(db, admin.organization_id),
		listStaffWithTwoFactor(db, admin.organization_id),
		listStaff(db, admin.organization_id)
	]);
	const active = staff.filter((person) => person.status === 'active');
	return {
		required,
		adminHasTwoFactor: withTwoFactor.includes(admin.id),
		staffWithTwoFactor: active.filter((person) => withTwoFactor.includes(person.id)).length,
		activeStaff: active.length
	};
}

export const actions = {
	default: async (event) => {
		const admin = requireAdmin(event);
		const form = await readForm(event.request, securitySettingsSchema);
		if (!form.ok) return form.failure;
		const result = await setTwoFactorRequired(
			getDb(),
			admin,
			form.data.requireTwoFactor,
			event.getClientAddress()
		);
		if (result === 'admin_not_enrolled') {
			return fieldFailure(400, 'requireTwoFactor', m.security_enrol_yourself_first());
		}
		redirectWithFlash(event.cookies, '/admin/security', { kind: 'two_factor_policy_saved' });
	}
};
