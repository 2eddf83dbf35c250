import { m } from '$lib/paraglide/messages';
import { displayEnrolmentKey } from '$lib/server/auth/enrolment-display';
import {
	confirmEnrolment,
	replaceOwnRecoveryCodes,
	turnOffTwoFactor
} from '$lib/server/auth/enrolment';
import { requireStaff } from '$lib/server/auth/guards';
import { countUnusedRecoveryCodes } from '$lib/server/auth/recovery-codes';
import {
	enrolmentKey,
	findTwoFactor,
	isEnrolled,
	isTwoFactorRequired
} from '$lib/server/auth/two-factor';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { totpCodeSchema, turnOffTwoFactorSchema } from '$lib/server/forms/security-schemas';

export async function load(event) {
	const staff = requireStaff(event);
	const db = getDb();
	const [row, required] = await Promise.all([
		findTwoFactor(db, staff.id),
		isTwoFactorRequired(db, staff.organization_id)
	]);
	if (isEnrolled(row)) {
		const backupCodesLeft = await countUnusedRecoveryCodes(db, staff.id);
		return { required, enrolled: { since: row.enrolled_at!, backupCodesLeft }, setup: null };
	}
	const key = await enrolmentKey(db, staff.id);
	const setup = key ? await displayEnrolmentKey(key, staff.email) : null;
	return { required, enrolled: null, setup };
}

export const actions = {
	confirm: async (event) => {
		const staff = requireStaff(event);
		const form = await readForm(event.request, totpCodeSchema);
		if (!form.ok) return form.failure;
		const result = await confirmEnrolment(
			getDb(),
			staff,
			event.locals.session!.id,
			form.data.code,
			event.getClientAddress()
		);
		if (!result.ok) {
			const message =
				result.reason === 'wrong' ? m.error_setup_code_wrong() : m.error_setup_not_started();
			return fieldFailure(400, result.reason === 'wrong' ? 'code' : 'form', message);
		}
		return { recoveryCodes: result.recoveryCodes, turnedOn: true };
	},

	backupCodes: async (event) => {
		const staff = requireStaff(event);
		const codes = await replaceOwnRecoveryCodes(getDb(), staff, event.getClientAddress());
		if (!codes) return fieldFailure(400, 'form', m.error_setup_not_started());
		return { recoveryCodes: codes, turnedOn: false };
	},

	turnOff: async (event) => {
		const staff = requireStaff(event);
		const form = await readForm(event.request, turnOffTwoFactorSchema);
		if (!form.ok) return form.failure;
		const result = await turnOffTwoFactor(
			getDb(),
			staff,
			form.data.password,
			event.getClientAddress()
		);
		if (result === 'wrong_password') {
			return fieldFailure(400, 'password', m.error_current_password_wrong());
		}
		if (result === 'required') return fieldFailure(400, 'form', m.two_factor_required_no_off());
		if (result === 'not_enrolled') return fieldFailure(400, 'form', m.error_setup_not_started());
		redirectWithFlash(event.cookies, '/account/two-factor', { kind: 'two_factor_turned_off' });
	}
};
