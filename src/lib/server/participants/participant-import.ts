import type { Selectable } from 'kysely';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import type { Db, DbOrTx } from '../db';
import type { ParticipantImportsTable, Program } from '../db/schema';
import { createEmployer, employerNameKey, listEmployers } from '../employers/employers';
import { offeredList } from '../programs/program-languages';
import { programFields } from '../programs/programs';
import { generateId } from '../util/ids';
import { readParticipantCsv, type CsvProblem, type CsvReadResult } from './csv-import';
import { insertParticipants, programEmails } from './participants';

export type ParticipantImport = Selectable<ParticipantImportsTable>;

export interface ImportActor {
	id: string;
	organization_id: string;
}

export type ImportOutcome = { ok: true; count: number } | { ok: false; problems: CsvProblem[] };

/** An upload nobody confirmed within a week is stale: dropped, since it holds personal data. */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** Some browsers send a full path as the file name: keep only the name. */
function baseName(fileName: string): string {
	return fileName.split(/[\\/]/).pop()!.trim();
}

/** Keeps an uploaded file between its preview and its confirmation; returns the import id. */
export async function storeUpload(
	db: DbOrTx,
	actor: ImportActor,
	programId: string,
	fileName: string,
	content: string,
	now = Date.now()
): Promise<string> {
	await db
		.deleteFrom('participant_imports')
		.where('program_id', '=', programId)
		.where('completed_at', 'is', null)
		.where('created_at', '<', now - STALE_AFTER_MS)
		.execute();
	const id = generateId();
	await db
		.insertInto('participant_imports')
		.values({
			id,
			program_id: programId,
			staff_id: actor.id,
			file_name: baseName(fileName).slice(0, 200) || 'participants.csv',
			content,
			created_at: now,
			completed_at: null
		})
		.execute();
	return id;
}

/** Null when the import is not of this organization's program: callers answer 404. */
export async function findImport(
	db: DbOrTx,
	organizationId: string,
	programId: string,
	importId: string
): Promise<ParticipantImport | null> {
	const row = await db
		.selectFrom('participant_imports')
		.innerJoin('programs', 'programs.id', 'participant_imports.program_id')
		.selectAll('participant_imports')
		.where('participant_imports.id', '=', importId)
		.where('participant_imports.program_id', '=', programId)
		.where('programs.organization_id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

/** Checks the stored file against the program as it is now: emails and employers change. */
export async function checkImport(
	db: DbOrTx,
	program: Program,
	upload: ParticipantImport,
	createEmployers = true
): Promise<CsvReadResult> {
	const [existingEmails, employers] = await Promise.all([
		programEmails(db, program.id),
		listEmployers(db, program.organization_id, { includeArchived: true })
	]);
	return readParticipantCsv(upload.content, {
		existingEmails,
		employers: employers.map((e) => ({ id: e.id, name: e.name, archived: e.archived_at !== null })),
		createEmployers,
		fields: programFields(program),
		languages: offeredList(program)
	});
}

/**
 * All or nothing: re-checks the stored file and, only when every row is valid, creates the
 * missing employers (if allowed), adds every participant, marks the import done (emptying the
 * stored file) and writes one audit entry, in one transaction. Null when the import is not this
 * program's.
 */
export async function importParticipants(
	db: Db,
	actor: ImportActor,
	program: Program,
	importId: string,
	options: { createEmployers: boolean; ip?: string | null }
): Promise<ImportOutcome | null> {
	return db.transaction().execute(async (tx): Promise<ImportOutcome | null> => {
		const upload = await findImport(tx, actor.organization_id, program.id, importId);
		if (!upload) return null;
		if (upload.completed_at !== null) {
			return {
				ok: false,
				problems: [{ row: null, column: null, message: m.csv_error_already_imported() }]
			};
		}
		const checked = await checkImport(tx, program, upload, options.createEmployers);
		if (checked.problems.length > 0) return { ok: false, problems: checked.problems };

		const now = Date.now();
		const employerIds = new Map<string, string>();
		for (const name of checked.newEmployers) {
			employerIds.set(
				employerNameKey(name),
				await createEmployer(tx, program.organization_id, name, now)
			);
		}
		const inputs = checked.rows.map((row) => ({
			role: row.role,
			name: row.name,
			email: row.email,
			phone: row.phone,
			language: row.language,
			occupation: row.occupation,
			employerId:
				row.employerId ??
				(row.employerName ? employerIds.get(employerNameKey(row.employerName))! : null),
			consentDate: row.consentDate,
			notes: row.notes,
			capacity: row.capacity,
			field: row.field,
			languages: row.languages
		}));
		await insertParticipants(
			tx,
			{ organizationId: program.organization_id, programId: program.id },
			inputs,
			now
		);
		// The people are participants now; the file's copy of their names and emails goes.
		await tx
			.updateTable('participant_imports')
			.set({ completed_at: now, content: '' })
			.where('id', '=', upload.id)
			.execute();
		await recordAudit(
			tx,
			{
				organizationId: program.organization_id,
				actorStaffId: actor.id,
				action: 'participants.imported',
				targetType: 'program',
				targetId: program.id,
				detail: {
					count: inputs.length,
					fileName: upload.file_name,
					importId: upload.id,
					createdEmployers: checked.newEmployers
				},
				ip: options.ip ?? null
			},
			now
		);
		return { ok: true, count: inputs.length };
	});
}
