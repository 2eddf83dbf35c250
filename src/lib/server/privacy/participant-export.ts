import type { DbOrTx } from '../db';
import type { Participant, StaffUserRow } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { organizationToday } from '../organizations/time-zone';
import { toCsv } from '../exports/export-files';
import type { ExportTable } from '../exports/export-table';
import type { ExportFile, ExportFormat } from '../exports/program-export';
import type { Cell } from '../exports/spreadsheet-safe';
import { participantRecord, type ParticipantRecord } from './participant-record';

/** One row per value: section (profile, pairs…), where in it (pairs.1.notes.2.body) and the value. */
export function recordRows(record: ParticipantRecord): ExportTable {
	const rows: Record<string, Cell>[] = [];
	const add = (section: string, field: string, value: Cell) => rows.push({ section, field, value });
	const walk = (section: string, field: string, value: unknown) => {
		if (Array.isArray(value)) {
			if (value.every((v) => v === null || typeof v !== 'object'))
				add(section, field, value.join('; '));
			else value.forEach((v, i) => walk(section, join(field, String(i + 1)), v));
		} else if (value !== null && typeof value === 'object') {
			for (const [key, v] of Object.entries(value)) walk(section, join(field, key), v);
		} else {
			add(section, field, value === null || typeof value === 'number' ? value : String(value));
		}
	};
	for (const [section, value] of Object.entries(record)) walk(section, '', value);
	return { columns: ['section', 'field', 'value'], rows };
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Everything held about one person, for them or their coordinator; every download is audited. */
export async function exportParticipant(
	db: DbOrTx,
	staff: StaffUserRow,
	participant: Participant,
	format: ExportFormat,
	ip: string | null,
	now = new Date()
): Promise<ExportFile> {
	const record = await participantRecord(db, participant, now.getTime());
	await recordAudit(
		db,
		{
			organizationId: staff.organization_id,
			actorStaffId: staff.id,
			action: 'participant.exported',
			targetType: 'participant',
			targetId: participant.id,
			detail: { format },
			ip
		},
		now.getTime()
	);
	const today = await organizationToday(db, staff.organization_id, now.getTime());
	const fileName = `tandem-participant-${participant.id}-${today}.${format}`;
	return format === 'csv'
		? {
				body: toCsv(recordRows(record), 'comma'),
				contentType: 'text/csv; charset=utf-8',
				fileName
			}
		: {
				body: JSON.stringify(record, null, '\t') + '\n',
				contentType: 'application/json; charset=utf-8',
				fileName
			};
}
