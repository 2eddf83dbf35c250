import type { DbOrTx } from '../db';
import type { Program, StaffUserRow } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { organizationToday } from '../organizations/time-zone';
import { toCsv, toJson, type CsvSeparator } from './export-files';
import type { ExportTable } from './export-table';
import { exportFileName } from './file-name';
import { pairScoresTable } from './pair-scores-export';
import { checkInsTable } from './check-ins-export';
import { codebookTable } from './codebook';
import { outcomesTable } from './outcomes-export';
import { pairsTable } from './pairs-export';
import { responsesTable } from './responses-export';

export type Dataset = 'responses' | 'pair-scores' | 'pairs' | 'check-ins' | 'outcomes' | 'codebook';
export type ExportFormat = 'csv' | 'json';

export interface ExportRequest {
	dataset: Dataset;
	format: ExportFormat;
	separator: CsvSeparator;
	/** The reader's language, for the reasons in words. */
	language: string;
}

export interface ExportFile {
	body: string;
	contentType: string;
	fileName: string;
}

function tableOf(db: DbOrTx, program: Program, request: ExportRequest): Promise<ExportTable> {
	switch (request.dataset) {
		case 'responses':
			return responsesTable(db, program);
		case 'pair-scores':
			return pairScoresTable(db, program, request.language);
		case 'pairs':
			return pairsTable(db, program);
		case 'check-ins':
			return checkInsTable(db, program);
		case 'outcomes':
			return outcomesTable(db, program);
		case 'codebook':
			return codebookTable(db, program);
	}
}

/** One of the program's exports as a file to download; every download is written in the audit log. */
export async function exportProgram(
	db: DbOrTx,
	staff: StaffUserRow,
	program: Program,
	request: ExportRequest,
	ip: string | null,
	now = new Date()
): Promise<ExportFile> {
	const table = await tableOf(db, program, request);
	const { dataset, format } = request;
	await recordAudit(
		db,
		{
			organizationId: staff.organization_id,
			actorStaffId: staff.id,
			action: 'program.exported',
			targetType: 'program',
			targetId: program.id,
			detail: {
				export: dataset,
				format,
				...(format === 'csv' ? { separator: request.separator } : {}),
				rows: table.rows.length
			},
			ip
		},
		now.getTime()
	);
	const today = await organizationToday(db, program.organization_id, now.getTime());
	const fileName = exportFileName(program.name, dataset, format, today);
	return format === 'csv'
		? { body: toCsv(table, request.separator), contentType: 'text/csv; charset=utf-8', fileName }
		: {
				body: toJson(table, program.name, now),
				contentType: 'application/json; charset=utf-8',
				fileName
			};
}
