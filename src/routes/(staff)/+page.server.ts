import { getLocale } from '$lib/paraglide/runtime';
import { listPairsNeedingAttention } from '$lib/server/analytics/attention';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listPrograms } from '$lib/server/programs/programs';

export async function load(event) {
	const me = requireStaff(event);
	const db = getDb();
	const [programs, attention] = await Promise.all([
		listPrograms(db, me.organization_id),
		listPairsNeedingAttention(db, me.organization_id, getLocale())
	]);
	return { programs: programs.filter((p) => p.status !== 'closed'), attention };
}
