import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { cookieName } from '$lib/paraglide/runtime';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safeRedirectPath } from '$lib/server/auth/guards';
import { RETRY_AFTER_SECONDS } from '$lib/server/auth/password-work';
import { signIn } from '$lib/server/auth/signin';
import { getDb } from '$lib/server/db';
import { fieldFailure, readForm } from '$lib/server/forms/read-form';
import { signInSchema } from '$lib/server/forms/schemas';
import { countOrganizations } from '$lib/server/organizations/organizations';

function secondStepPath(redirectTo: string): string {
	return `/signin/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`;
}

export async function load({ locals, url }) {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
	if (locals.staff) redirect(303, redirectTo);
	if (locals.pendingSignIn) redirect(303, secondStepPath(redirectTo));
	return {
		notSetUp: (await countOrganizations(getDb())) === 0,
		signedOut: url.searchParams.has('signedOut'),
		redirectTo
	};
}

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request, signInSchema, ['email']);
		if (!form.ok) return form.failure;
		const { email, password, redirectTo } = form.data;

		const result = await signIn(
			getDb(),
			{ email, password },
			{ ip: event.getClientAddress(), userAgent: event.request.headers.get('user-agent') }
		);
		if (!result.ok && result.reason === 'busy') {
			event.setHeaders({ 'retry-after': String(RETRY_AFTER_SECONDS) });
			return fieldFailure(503, 'form', m.error_signin_busy(), { email });
		}
		if (!result.ok) {
			const message =
				result.reason === 'throttled'
					? m.error_signin_throttled({ minutes: Math.ceil(result.retryAfterMs / 60_000) })
					: m.error_signin_invalid();
			return fieldFailure(result.reason === 'throttled' ? 429 : 400, 'form', message, { email });
		}

		setSessionCookie(event.cookies, event.url, result.token);
		if (result.language) {
			event.cookies.set(cookieName, result.language, {
				path: '/',
				httpOnly: false,
				sameSite: 'lax'
			});
		}
		const next = safeRedirectPath(redirectTo);
		redirect(303, result.secondFactorRequired ? secondStepPath(next) : next);
	}
};
