import type { Db, DbOrTx } from '../db';
import type { InstrumentVersionStatus } from '../db/schema';
import type { InstrumentDocument, LocalizedText } from '$lib/instruments/types';
import { recordAudit } from '../audit/audit';
import { generateId } from '../util/ids';
import { loadVersionDocument } from './load-document';
import { parseInstrumentDocument, type DocumentProblem } from './parse-document';
import { copyLanguageReviews, insertVersion, replaceVersionContent } from './store';

export interface VersionSummary {
	id: string;
	number: number;
	status: InstrumentVersionStatus;
	createdAt: number;
	publishedAt: number | null;
}

export interface InstrumentSummary {
	id: string;
	name: LocalizedText;
	versions: VersionSummary[];
}

export interface VersionRef {
	id: string;
	instrumentId: string;
	organizationId: string;
	number: number;
	status: InstrumentVersionStatus;
	/** The version this one was made from (a new draft's published version), if any. */
	basedOnVersionId: string | null;
}

export interface Actor {
	id: string;
	organization_id: string;
}

export async function listInstruments(
	db: DbOrTx,
	organizationId: string
): Promise<InstrumentSummary[]> {
	const rows = await db
		.selectFrom('instrument_versions')
		.innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
		.select([
			'instruments.id as instrumentId',
			'instrument_versions.id',
			'number',
			'status',
			'name',
			'instrument_versions.created_at as createdAt',
			'published_at as publishedAt'
		])
		.where('instruments.organization_id', '=', organizationId)
		.orderBy('instruments.created_at')
		.orderBy('number', 'desc')
		.execute();
	const byInstrument = new Map<string, InstrumentSummary>();
	for (const row of rows) {
		const summary: InstrumentSummary = byInstrument.get(row.instrumentId) ?? {
			id: row.instrumentId,
			name: JSON.parse(row.name),
			versions: []
		};
		summary.versions.push({
			id: row.id,
			number: row.number,
			status: row.status,
			createdAt: row.createdAt,
			publishedAt: row.publishedAt
		});
		byInstrument.set(row.instrumentId, summary);
	}
	return [...byInstrument.values()];
}

/** A version of this organization's instrument, or null (the caller answers 404). */
export async function findVersion(
	db: DbOrTx,
	organizationId: string,
	versionId: string
): Promise<VersionRef | null> {
	const row = await db
		.selectFrom('instrument_versions')
		.innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
		.select([
			'instrument_versions.id',
			'instrument_id as instrumentId',
			'organization_id as organizationId',
			'number',
			'status',
			'based_on_version_id as basedOnVersionId'
		])
		.where('instrument_versions.id', '=', versionId)
		.where('instruments.organization_id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

/** A new instrument whose first version is this document. */
export async function createInstrument(
	db: DbOrTx,
	organizationId: string,
	document: InstrumentDocument,
	options: { status: InstrumentVersionStatus; createdBy: string | null },
	now = Date.now()
): Promise<{ instrumentId: string; versionId: string }> {
	const instrumentId = generateId();
	await db
		.insertInto('instruments')
		.values({ id: instrumentId, organization_id: organizationId, created_at: now })
		.execute();
	const versionId = await insertVersion(
		db,
		{
			instrumentId,
			number: 1,
			status: options.status,
			document,
			createdBy: options.createdBy,
			basedOn: null
		},
		now
	);
	return { instrumentId, versionId };
}

/**
 * Editing starts here. A published version never changes: this returns the instrument's open
 * draft, or makes one as a copy of the given version with the next number.
 */
export async function openDraft(
	db: Db,
	actor: Actor,
	versionId: string,
	ip: string | null
): Promise<string | null> {
	return db.transaction().execute(async (tx) => {
		const version = await findVersion(tx, actor.organization_id, versionId);
		if (!version) return null;
		if (version.status === 'draft') return version.id;
		const existing = await tx
			.selectFrom('instrument_versions')
			.select('id')
			.where('instrument_id', '=', version.instrumentId)
			.where('status', '=', 'draft')
			.executeTakeFirst();
		if (existing) return existing.id;
		const { max } = await tx
			.selectFrom('instrument_versions')
			.select((eb) => eb.fn.max('number').as('max'))
			.where('instrument_id', '=', version.instrumentId)
			.executeTakeFirstOrThrow();
		const document = (await loadVersionDocument(tx, version.id))!;
		const draftId = await insertVersion(tx, {
			instrumentId: version.instrumentId,
			number: Number(max) + 1,
			status: 'draft',
			document,
			createdBy: actor.id,
			basedOn: version.id
		});
		await copyLanguageReviews(tx, version.id, draftId);
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'instrument.draft_created',
			targetType: 'instrument_version',
			targetId: draftId,
			ip
		});
		return draftId;
	});
}

export type DraftSaveResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'not_draft' }
	| { ok: false; reason: 'invalid'; problems: DocumentProblem[] };

/** Saves an edited draft: the structure must be valid, translations may still have gaps. */
export async function saveDraft(
	db: Db,
	actor: Actor,
	versionId: string,
	document: InstrumentDocument,
	ip: string | null
): Promise<DraftSaveResult> {
	const parsed = parseInstrumentDocument(document, { complete: false });
	if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
	return db.transaction().execute(async (tx): Promise<DraftSaveResult> => {
		const version = await findVersion(tx, actor.organization_id, versionId);
		if (!version) return { ok: false, reason: 'not_found' };
		if (version.status !== 'draft') return { ok: false, reason: 'not_draft' };
		await replaceVersionContent(tx, versionId, parsed.document);
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: 'instrument.draft_edited',
			targetType: 'instrument_version',
			targetId: versionId,
			ip
		});
		return { ok: true };
	});
}

export type PublishResult = DraftSaveResult;

/** A draft becomes published when every text exists in every language; from then on it is frozen. */
export async function publishDraft(
	db: Db,
	actor: Actor,
	versionId: string,
	ip: string | null,
	now = Date.now()
): Promise<PublishResult> {
	return db.transaction().execute(async (tx): Promise<PublishResult> => {
		const version = await findVersion(tx, actor.organization_id, versionId);
		if (!version) return { ok: false, reason: 'not_found' };
		if (version.status !== 'draft') return { ok: false, reason: 'not_draft' };
		const parsed = parseInstrumentDocument(await loadVersionDocument(tx, versionId));
		if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
		await tx
			.updateTable('instrument_versions')
			.set({ status: 'published', published_at: now, published_by: actor.id })
			.where('id', '=', versionId)
			.where('status', '=', 'draft')
			.execute();
		await recordAudit(
			tx,
			{
				organizationId: actor.organization_id,
				actorStaffId: actor.id,
				action: 'instrument.published',
				targetType: 'instrument_version',
				targetId: versionId,
				detail: { number: version.number },
				ip
			},
			now
		);
		return { ok: true };
	});
}
