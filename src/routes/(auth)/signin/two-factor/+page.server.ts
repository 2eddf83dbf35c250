import { redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { safeRedirectPath } from '$lib/server/auth/guards';
import { completeSecondFactor, type SecondFactorResult } from '$lib/server/auth/second-factor';
import { getDb } from '$lib/server/db';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { recoveryCodeSchema, totpCodeSchema } from '$lib/server/forms/security-schemas';

export function load({ locals, url }) {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
	if (locals.staff) redirect(303, redirectTo);
	if (!locals.pendingSignIn) redirect(303, '/signin');
	return { redirectTo };
}

function refusal(result: Exclude<SecondFactorResult, { ok: true }>, field: string) {
	if (result.reason === 'throttled') {
		const minutes = Math.ceil(result.retryAfterMs / 60_000);
		return fieldFailure(429, 'form', m.error_second_step_throttled({ minutes }));
	}
	if (field === 'recoveryCode') return fieldFailure(400, field, m.error_recovery_code_wrong());
	const message = result.reason === 'used' ? m.error_totp_code_used() : m.error_totp_code_wrong();
	return fieldFailure(400, field, message);
}

async function finishSignIn(event: RequestEvent, method: 'code' | 'recovery_code') {
	const pending = event.locals.pendingSignIn;
	if (!pending) redirect(303, '/signin');
	const form = await readForm(
		event.request,
		method === 'code' ? totpCodeSchema : recoveryCodeSchema
	);
	if (!form.ok) return form.failure;
	const value = 'code' in form.data ? form.data.code : form.data.recoveryCode;
	const result = await completeSecondFactor(
		getDb(),
		pending,
		{ method, value },
		event.getClientAddress()
	);
	if (!result.ok) return refusal(result, method === 'code' ? 'code' : 'recoveryCode');
	redirect(303, safeRedirectPath(form.data.redirectTo));
}

export const actions = {
	code: (event) => finishSignIn(event, 'code'),
	recovery: (event) => finishSignIn(event, 'recovery_code')
};
