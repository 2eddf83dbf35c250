import { downloadAuditLog } from '$lib/server/audit/audit-download';

export function GET(event) {
	return downloadAuditLog(event, 'csv');
}
