import { requireAdmin } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { readForm } from '$lib/server/forms/read-form';
import { timeZoneSchema } from '$lib/server/forms/schemas';
import { setOrganizationTimeZone } from '$lib/server/organizations/time-zone';
import { timeZoneNames } from '$lib/time/zones';

export function load(event) {
	requireAdmin(event);
	return { zones: timeZoneNames() };
}

export const actions = {
	default: async (event) => {
		const admin = requireAdmin(event);
		const form = await readForm(event.request, timeZoneSchema, ['timeZone']);
		if (!form.ok) return form.failure;
		await setOrganizationTimeZone(getDb(), admin, form.data.timeZone, event.getClientAddress());
		redirectWithFlash(event.cookies, '/admin/time-zone', { kind: 'time_zone_saved' });
	}
};
