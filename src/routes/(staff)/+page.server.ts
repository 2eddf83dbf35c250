import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listStaff } from '$lib/server/staff/staff';

export async function load(event) {
	const me = requireStaff(event);
	const staff = await listStaff(getDb(), me.organization_id);
	return { staffCount: staff.filter((s) => s.status === 'active').length };
}
