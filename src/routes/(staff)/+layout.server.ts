import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { takeFlash } from '$lib/server/flash/flash';
import { getOrganization } from '$lib/server/organizations/organizations';

export async function load(event) {
	const staff = requireStaff(event);
	const organization = await getOrganization(getDb(), staff.organization_id);
	if (!organization) error(404, 'Not found');
	// Read the address so this load runs again on every navigation: a message is shown once, on
	// the page the action sent the browser to, and not carried on to the next page.
	void event.url.href;
	return {
		me: { id: staff.id, name: staff.name, email: staff.email, role: staff.role },
		organization: { id: organization.id, name: organization.name },
		flash: takeFlash(event.cookies),
		timeZone: organization.time_zone
	};
}
