import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listPrograms } from '$lib/server/programs/programs';

export async function load(event) {
	const staff = requireStaff(event);
	return { programs: await listPrograms(getDb(), staff.organization_id) };
}
