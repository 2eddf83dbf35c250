import type { Db } from '../db';
import type { InstrumentDocument } from '$lib/instruments/types';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { createInstrument, findVersion, type Actor } from './instruments';
import { loadVersionDocument } from './load-document';
import { parseInstrumentJson, type DocumentProblem } from './parse-document';

/** The export file: the version's document, pretty-printed for people who diff it. */
export async function exportVersion(
	db: Db,
	actor: Actor,
	versionId: string,
	ip: string | null
): Promise<{ document: InstrumentDocument; number: number } | null> {
	const version = await findVersion(db, actor.organization_id, versionId);
	if (!version) return null;
	const document = (await loadVersionDocument(db, version.id))!;
	await recordAudit(db, {
		organizationId: actor.organization_id,
		actorStaffId: actor.id,
		action: 'instrument.exported',
		targetType: 'instrument_version',
		targetId: version.id,
		ip
	});
	return { document, number: version.number };
}

export type ImportResult =
	{ ok: true; versionId: string } | { ok: false; problems: DocumentProblem[] };

/** All or nothing: a file with any problem saves nothing and lists every problem. */
export async function importInstrument(
	db: Db,
	actor: Actor,
	json: string,
	ip: string | null
): Promise<ImportResult> {
	const parsed = parseInstrumentJson(json);
	if (!parsed.ok) return parsed;
	return db.transaction().execute(async (tx) => {
		const { versionId } = await createInstrument(tx, actor.organization_id, parsed.document, {
			status: 'published',
			createdBy: actor.id
		});
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'instrument.imported',
			targetType: 'instrument_version',
			targetId: versionId,
			ip
		});
		return { ok: true, versionId } as const;
	});
}

/** A new instrument starting as a draft copy of this version, named "Copy of …". */
export async function duplicateInstrument(
	db: Db,
	actor: Actor,
	versionId: string,
	ip: string | null
): Promise<string | null> {
	return db.transaction().execute(async (tx) => {
		const version = await findVersion(tx, actor.organization_id, versionId);
		if (!version) return null;
		const document = (await loadVersionDocument(tx, version.id))!;
		const name = Object.fromEntries(
			Object.entries(document.name).map(([language, text]) => [
				language,
				m.instrument_copy_of({ name: text }, { locale: language === 'fr' ? 'fr' : 'en' })
			])
		);
		const copy = await createInstrument(
			tx,
			actor.organization_id,
			{ ...document, name },
			{ status: 'draft', createdBy: actor.id }
		);
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'instrument.duplicated',
			targetType: 'instrument_version',
			targetId: copy.versionId,
			detail: { from: version.id },
			ip
		});
		return copy.versionId;
	});
}
