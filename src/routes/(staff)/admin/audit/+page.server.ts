import { getLocale } from '$lib/paraglide/runtime';
import { actionLabel } from '$lib/server/audit/action-labels';
import { readAuditQuery } from '$lib/server/audit/audit-filter';
import { listRecordedActions } from '$lib/server/audit/audit-query';
import { auditListing } from '$lib/server/audit/audit-view';
import { requireAdmin } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listStaff } from '$lib/server/staff/staff';

export async function load(event) {
	const admin = requireAdmin(event);
	const db = getDb();
	const organizationId = admin.organization_id;
	const query = readAuditQuery(event.url.searchParams);
	const locale = getLocale();
	const [staff, actions, listing] = await Promise.all([
		listStaff(db, organizationId),
		listRecordedActions(db, organizationId),
		query.ok ? auditListing(db, organizationId, query.filter, query.page, locale) : null
	]);
	return {
		values: query.values,
		errors: query.ok ? undefined : query.errors,
		people: staff.map(({ id, name }) => ({ id, name })),
		actions: actions
			.map((action) => ({ value: action, label: actionLabel(action, locale) }))
			.sort((a, b) => a.label.localeCompare(b.label, locale)),
		listing
	};
}
