import { applyTranslation } from '$lib/instruments/translation';
import {
	changedKeys,
	hasErrors,
	readTranslationFile,
	translationTable,
	type TranslationProblem
} from '$lib/instruments/translation-file';
import type { InstrumentDocument } from '$lib/instruments/types';
import { recordAudit } from '../audit/audit';
import type { Db, DbOrTx } from '../db';
import { toCsv, type CsvSeparator } from '../exports/export-files';
import type { ExportFile } from '../exports/program-export';
import { MAX_LABEL, MAX_TEXT } from './document-schema';
import { findVersion, saveDraft, type Actor, type VersionRef } from './instruments';
import { languageStatuses, type LanguageStatus } from './language-reviews';
import { loadVersionDocument } from './load-document';

export interface LanguagesView {
	statuses: LanguageStatus[];
	/** The languages a file can be imported into: the draft's, its source excepted. */
	importable: string[];
	/** On a published version, the instrument's open draft, where imports go. */
	draft: { id: string; number: number } | null;
}

export async function buildLanguagesView(
	db: DbOrTx,
	version: VersionRef,
	document: InstrumentDocument
): Promise<LanguagesView> {
	const [statuses, draft] = await Promise.all([
		languageStatuses(db, version.id, document),
		version.status === 'draft'
			? null
			: db
					.selectFrom('instrument_versions')
					.select(['id', 'number'])
					.where('instrument_id', '=', version.instrumentId)
					.where('status', '=', 'draft')
					.executeTakeFirst()
	]);
	return {
		statuses,
		importable: version.status === 'draft' ? document.languages.slice(1) : [],
		draft: draft ?? null
	};
}

/** One language as a CSV for a translator; audited as an export of the version. */
export async function exportTranslation(
	db: Db,
	actor: Actor,
	input: {
		versionId: string;
		language: string;
		separator: CsvSeparator;
		headerLanguage: 'en' | 'fr';
	},
	ip: string | null
): Promise<ExportFile | null> {
	const version = await findVersion(db, actor.organization_id, input.versionId);
	if (!version) return null;
	const document = (await loadVersionDocument(db, version.id))!;
	if (!document.languages.includes(input.language)) return null;
	await recordAudit(db, {
		organizationId: actor.organization_id,
		actorStaffId: actor.id,
		action: 'instrument.exported',
		targetType: 'instrument_version',
		targetId: version.id,
		detail: { language: input.language },
		ip
	});
	const table = translationTable(document, input.language, input.headerLanguage);
	return {
		body: toCsv(table, input.separator),
		contentType: 'text/csv; charset=utf-8',
		fileName: `tandem-survey-v${version.number}-${input.language}.csv`
	};
}

export type TranslationImportResult =
	| { ok: true; changed: number; warnings: TranslationProblem[] }
	| { ok: false; reason: 'not_found' | 'not_draft' | 'language' }
	| { ok: false; reason: 'invalid'; problems: TranslationProblem[] };

/**
 * A translator's file into one language of a draft: all or nothing. Any error leaves the draft as
 * it was and lists every problem; warnings come back with the texts saved.
 */
export async function importTranslation(
	db: Db,
	actor: Actor,
	input: { versionId: string; language: string; csv: string },
	ip: string | null
): Promise<TranslationImportResult> {
	const version = await findVersion(db, actor.organization_id, input.versionId);
	if (!version) return { ok: false, reason: 'not_found' };
	if (version.status !== 'draft') return { ok: false, reason: 'not_draft' };
	const document = (await loadVersionDocument(db, version.id))!;
	if (!document.languages.slice(1).includes(input.language)) {
		return { ok: false, reason: 'language' };
	}
	const limits = { label: MAX_LABEL, text: MAX_TEXT };
	const file = readTranslationFile(input.csv, document, input.language, limits);
	if (hasErrors(file.problems)) return { ok: false, reason: 'invalid', problems: file.problems };
	const changed = changedKeys(document, input.language, file.texts);
	if (changed.length > 0) {
		const next = applyTranslation(document, input.language, file.texts);
		const saved = await saveDraft(db, actor, version.id, next, ip);
		if (!saved.ok && saved.reason === 'invalid') {
			const problems = saved.problems.map((p): TranslationProblem => ({
				severity: 'error',
				code: 'document',
				row: null,
				key: null,
				message: `${p.path}: ${p.message}`
			}));
			return { ok: false, reason: 'invalid', problems };
		}
		if (!saved.ok) return { ok: false, reason: saved.reason };
	}
	return { ok: true, changed: changed.length, warnings: file.problems };
}
