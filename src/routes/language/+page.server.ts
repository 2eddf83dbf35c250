import { redirect } from '@sveltejs/kit';
import { cookieName } from '$lib/paraglide/runtime';
import { safeRedirectPath } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { languageSchema } from '$lib/server/forms/schemas';
import { chooseLanguage } from '$lib/server/participants/participant-language';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

export const load = () => redirect(303, '/');

export const actions = {
	// A language that is not this person's to choose changes nothing: the page comes back as it was.
	default: async ({ request, cookies, locals, url }) => {
		const form = await readForm(request, languageSchema);
		if (!form.ok) return form.failure;
		const { language, redirectTo } = form.data;
		const locale = await chooseLanguage(locals, language);
		if (locale) {
			cookies.set(cookieName, locale, {
				path: '/',
				maxAge: ONE_YEAR_S,
				sameSite: 'lax',
				httpOnly: false,
				secure: url.protocol === 'https:'
			});
		}
		redirect(303, safeRedirectPath(redirectTo));
	}
};
