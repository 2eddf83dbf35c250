import { m } from '$lib/paraglide/messages';
import type { Device } from '$lib/server/auth/user-agent';
import { dateTimeFormat, regionalLocale } from '$lib/intl';

export function deviceLabel(device: Device): string {
	const { browser, system } = device;
	if (browser && system) return m.sessions_device({ browser, system });
	return browser ?? system ?? m.sessions_device_unknown();
}

export function formatDateTime(epochMs: number, locale: string): string {
	return dateTimeFormat(regionalLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short'
	}).format(new Date(epochMs));
}
