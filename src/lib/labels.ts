import { m } from '$lib/paraglide/messages';

/** Words for stored codes, in the current language. */
export function roleLabel(role: string): string {
	return role === 'admin' ? m.role_admin() : m.role_coordinator();
}

export function statusLabel(status: string): string {
	return status === 'active' ? m.status_active() : m.status_disabled();
}

export function formatDate(epochMs: number, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
		dateStyle: 'long'
	}).format(new Date(epochMs));
}
