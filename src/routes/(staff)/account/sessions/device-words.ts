import { m } from '$lib/paraglide/messages';
import type { Device } from '$lib/server/auth/user-agent';

export function deviceLabel(device: Device): string {
	const { browser, system } = device;
	if (browser && system) return m.sessions_device({ browser, system });
	return browser ?? system ?? m.sessions_device_unknown();
}
