import type { Locale } from '$lib/paraglide/runtime';
import { todayIn } from '$lib/time/days';
import type { DbOrTx } from '../db';
import type { StaffUserRow } from '../db/schema';
import { toCsv, type CsvSeparator } from '../exports/export-files';
import type { ExportTable } from '../exports/export-table';
import { exportFileName } from '../exports/file-name';
import type { ExportFile, ExportFormat } from '../exports/program-export';
import { recordAudit } from './audit';
import { factsLine } from './audit-details';
import { listAllAuditEntries, type AuditFilter } from './audit-query';
import { describeEntries, type AuditRow } from './audit-view';

const COLUMNS = [
	'time_utc',
	'person',
	'person_email',
	'action',
	'action_label',
	'target',
	'details',
	'ip'
];

function toTable(rows: AuditRow[]): ExportTable {
	return {
		columns: COLUMNS,
		rows: rows.map((row) => ({
			time_utc: row.at,
			person: row.who,
			person_email: row.whoEmail,
			action: row.action,
			action_label: row.actionLabel,
			target: row.target,
			details: factsLine(row.facts),
			ip: row.ip
		}))
	};
}

async function filterDetail(db: DbOrTx, organizationId: string, filter: AuditFilter) {
	const person = filter.actorId
		? await db
				.selectFrom('staff_users')
				.select('name')
				.where('organization_id', '=', organizationId)
				.where('id', '=', filter.actorId)
				.executeTakeFirst()
		: undefined;
	return Object.fromEntries(
		Object.entries({
			filterPerson: person?.name ?? filter.actorId,
			filterAction: filter.action,
			filterFrom: filter.from,
			filterTo: filter.to
		}).filter(([, value]) => value)
	);
}

export interface AuditExportRequest {
	filter: AuditFilter;
	format: ExportFormat;
	separator: CsvSeparator;
	locale: Locale;
}

/**
 * The organization's audit entries that match the filter, every page of them, as a file. The
 * download itself is written in the log, with the filter used and how many rows left.
 */
export async function exportAuditLog(
	db: DbOrTx,
	admin: StaffUserRow,
	organizationName: string,
	request: AuditExportRequest,
	ip: string | null,
	now = new Date()
): Promise<ExportFile> {
	const organizationId = admin.organization_id;
	const { filter, format, separator, locale } = request;
	const entries = await listAllAuditEntries(db, organizationId, filter);
	const rows = await describeEntries(db, organizationId, entries, locale);
	await recordAudit(
		db,
		{
			organizationId,
			actorStaffId: admin.id,
			action: 'audit.exported',
			targetType: 'organization',
			targetId: organizationId,
			detail: {
				format,
				...(format === 'csv' ? { separator } : {}),
				rows: rows.length,
				...(await filterDetail(db, organizationId, filter))
			},
			ip
		},
		now.getTime()
	);
	const fileName = exportFileName(
		organizationName,
		'audit-log',
		format,
		// The audit log keeps UTC throughout (its filter days and its times), and so does its name.
		todayIn('UTC', now.getTime())
	);
	if (format === 'csv')
		return {
			body: toCsv(toTable(rows), separator),
			contentType: 'text/csv; charset=utf-8',
			fileName
		};
	const body = {
		organization: organizationName,
		generated_at: now.toISOString(),
		filter,
		rows: rows.map(({ at, who, whoEmail, action, actionLabel, target, facts, ip }) => ({
			time_utc: at,
			person: who,
			person_email: whoEmail,
			action,
			action_label: actionLabel,
			target,
			details: facts,
			ip
		}))
	};
	return {
		body: JSON.stringify(body, null, '\t') + '\n',
		contentType: 'application/json; charset=utf-8',
		fileName
	};
}
