import { redirect } from '@sveltejs/kit';
import { cookieName } from '$lib/paraglide/runtime';
import { safeRedirectPath } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms/read-form';
import { languageSchema } from '$lib/server/forms/schemas';
import { setParticipantLanguage } from '$lib/server/participants/participants';
import { setStaffLanguage } from '$lib/server/staff/staff';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ request, cookies, locals, url }) => {
		const form = await readForm(request, languageSchema);
		if (!form.ok) return form.failure;
		const { language, redirectTo } = form.data;
		cookies.set(cookieName, language, {
			path: '/',
			maxAge: ONE_YEAR_S,
			sameSite: 'lax',
			httpOnly: false,
			secure: url.protocol === 'https:'
		});
		if (locals.staff) await setStaffLanguage(getDb(), locals.staff.id, language);
		if (locals.participant) await setParticipantLanguage(getDb(), locals.participant.id, language);
		redirect(303, safeRedirectPath(redirectTo));
	}
};
