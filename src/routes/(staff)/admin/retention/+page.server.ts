import { requireAdmin } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { readForm } from '$lib/server/forms/read-form';
import { closedProgramsWithPeople } from '$lib/server/privacy/retention';
import { retentionSchema } from '$lib/server/privacy/retention-form';
import { retentionMonths, setRetentionMonths } from '$lib/server/privacy/retention-settings';

export async function load(event) {
	const staff = requireAdmin(event);
	const db = getDb();
	const saved = await retentionMonths(db, staff.organization_id);
	const asked = event.url.searchParams.get('months');
	const tried = asked === null ? null : retentionSchema.safeParse({ months: asked });
	const months = tried?.success ? tried.data.months : saved;
	const programs = await closedProgramsWithPeople(db, {
		organizationId: staff.organization_id,
		months
	});
	const now = Date.now();
	return {
		saved,
		months,
		trying: tried?.success === true && months !== saved,
		monthsError: tried && !tried.success ? tried.error.issues[0]?.message : undefined,
		programs: programs.map((p) => ({
			id: p.programId,
			name: p.programName,
			closedAt: p.closedAt,
			dueAt: p.dueAt,
			due: p.dueAt <= now,
			people: p.participantIds.length
		}))
	};
}

export const actions = {
	default: async (event) => {
		const staff = requireAdmin(event);
		const form = await readForm(event.request, retentionSchema, ['months']);
		if (!form.ok) return form.failure;
		await setRetentionMonths(getDb(), staff, form.data.months, event.getClientAddress());
		redirectWithFlash(event.cookies, '/admin/retention', { kind: 'retention_saved' });
	}
};
