import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listPrograms } from '$lib/server/programs/programs';

export async function load(event) {
	const me = requireStaff(event);
	const programs = await listPrograms(getDb(), me.organization_id);
	return { programs: programs.filter((p) => p.status !== 'closed') };
}
