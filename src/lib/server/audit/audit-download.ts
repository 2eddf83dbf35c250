import { error, type RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { requireAdmin } from '../auth/guards';
import { getDb } from '../db';
import type { ExportFormat } from '../exports/program-export';
import { attachment, separatorOf } from '../exports/attachment';
import { getOrganization } from '../organizations/organizations';
import { exportAuditLog } from './audit-export';
import { readAuditQuery } from './audit-filter';

/** The GET handler of an audit log download: administrators only, never cached, always audited. */
export async function downloadAuditLog(
	event: RequestEvent,
	format: ExportFormat
): Promise<Response> {
	const admin = requireAdmin(event);
	const query = readAuditQuery(event.url.searchParams);
	if (!query.ok) error(400, Object.values(query.errors).join(' '));
	const db = getDb();
	const organization = await getOrganization(db, admin.organization_id);
	if (!organization) error(404, 'Not found');
	const separator = separatorOf(event.url);
	const file = await exportAuditLog(
		db,
		admin,
		organization.name,
		{ filter: query.filter, format, separator, locale: getLocale() },
		event.getClientAddress()
	);
	return attachment(file);
}
