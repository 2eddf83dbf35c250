import { missingTranslations, type TranslationEntry } from '$lib/instruments/translation';
import type { InstrumentDocument } from '$lib/instruments/types';
import { recordAudit } from '../audit/audit';
import type { DbOrTx } from '../db';
import { findVersion, type Actor } from './instruments';

/** One language of an instrument version: who checked it, and what is still missing. */
export interface LanguageStatus {
	language: string;
	/** The version's first language, which the others translate. */
	source: boolean;
	/** The source, or a language a staff member marked reviewed; any other is a draft. */
	reviewed: boolean;
	reviewedAt: number | null;
	reviewedBy: string | null;
	missing: TranslationEntry[];
}

export async function languageStatuses(
	db: DbOrTx,
	versionId: string,
	document: InstrumentDocument
): Promise<LanguageStatus[]> {
	const reviews = await db
		.selectFrom('instrument_language_reviews')
		.leftJoin('staff_users', 'staff_users.id', 'instrument_language_reviews.reviewed_by')
		.select([
			'instrument_language_reviews.language',
			'reviewed_at as reviewedAt',
			'staff_users.name as reviewedBy'
		])
		.where('version_id', '=', versionId)
		.execute();
	return document.languages.map((language, index) => {
		const review = reviews.find((row) => row.language === language);
		return {
			language,
			source: index === 0,
			reviewed: index === 0 || !!review,
			reviewedAt: review ? Number(review.reviewedAt) : null,
			reviewedBy: review?.reviewedBy ?? null,
			missing: missingTranslations(document, language)
		};
	});
}

/** The reviewed languages of a version (its source included). */
export async function reviewedLanguages(
	db: DbOrTx,
	versionId: string,
	document: InstrumentDocument
): Promise<string[]> {
	const statuses = await languageStatuses(db, versionId, document);
	return statuses.filter((status) => status.reviewed).map((status) => status.language);
}

/**
 * A staff member says a fluent person checked this language (or takes that back): audited, and
 * kept with the version, so the next draft starts with the same reviews.
 */
export async function setLanguageReviewed(
	db: DbOrTx,
	actor: Actor,
	input: { versionId: string; language: string; reviewed: boolean },
	ip: string | null,
	now = Date.now()
): Promise<boolean> {
	const version = await findVersion(db, actor.organization_id, input.versionId);
	if (!version) return false;
	if (input.reviewed) {
		await db
			.insertInto('instrument_language_reviews')
			.values({
				version_id: version.id,
				language: input.language,
				reviewed_by: actor.id,
				reviewed_at: now
			})
			.onConflict((oc) => oc.columns(['version_id', 'language']).doNothing())
			.execute();
	} else {
		await db
			.deleteFrom('instrument_language_reviews')
			.where('version_id', '=', version.id)
			.where('language', '=', input.language)
			.execute();
	}
	await recordAudit(db, {
		organizationId: actor.organization_id,
		actorStaffId: actor.id,
		action: input.reviewed ? 'instrument.language_reviewed' : 'instrument.language_draft',
		targetType: 'instrument_version',
		targetId: version.id,
		detail: { language: input.language },
		ip
	});
	return true;
}
