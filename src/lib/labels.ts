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

type Locale = 'en' | 'fr';

const participantRoleLabels = {
	mentor: m.role_mentor,
	protege: m.role_protege,
	employer: m.role_employer,
	staff: m.role_staff
} as const;

export function participantRoleLabel(
	role: keyof typeof participantRoleLabels,
	locale?: Locale
): string {
	return participantRoleLabels[role]({}, locale ? { locale } : {});
}

const waveLabels = { pre: m.wave_pre, mid: m.wave_mid, post: m.wave_post } as const;

export function waveLabel(wave: keyof typeof waveLabels): string {
	return waveLabels[wave]();
}

const typeLabels = {
	scale: m.type_scale,
	choice: m.type_choice,
	multi: m.type_multi,
	number: m.type_number,
	text: m.type_text
} as const;

export function itemTypeLabel(type: keyof typeof typeLabels): string {
	return typeLabels[type]();
}

/** Text of a localized label in the reader's language, else the first one there is. */
export function localized(text: Record<string, string> | null | undefined, locale: string): string {
	if (!text) return '';
	return text[locale]?.trim() ? text[locale]! : (Object.values(text).find((t) => t.trim()) ?? '');
}

/** "Français", "español": a language's own name where the runtime knows it, else its code. */
export function languageName(code: string, locale: string): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}
