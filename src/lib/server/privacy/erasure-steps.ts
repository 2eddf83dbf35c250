import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Db, DbOrTx } from '../db';
import { dropOldRowVersions } from '../db/engine';

/** Keeps every `in (…)` list well below SQLite's limit on bound values. */
export function inBatches<T>(items: T[], size = 500): T[][] {
	const batches: T[][] = [];
	for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
	return batches;
}

export async function pairsOf(db: DbOrTx, participantIds: string[]): Promise<string[]> {
	const ids: string[] = [];
	for (const batch of inBatches(participantIds)) {
		const rows = await db
			.selectFrom('pairs')
			.select('id')
			.where((eb) => eb.or([eb('mentor_id', 'in', batch), eb('protege_id', 'in', batch)]))
			.execute();
		ids.push(...rows.map((r) => r.id));
	}
	return [...new Set(ids)];
}

/**
 * What staff and the pair wrote about a pair names its people and cannot be redacted reliably:
 * notes, follow-ups and the pair's agreement (goals in their own words) go; status changes stay
 * (for statistics) without their reasons.
 */
export async function forgetPairTalk(db: DbOrTx, pairIds: string[]): Promise<void> {
	for (const batch of inBatches(pairIds)) {
		await db.deleteFrom('pair_notes').where('pair_id', 'in', batch).execute();
		await db.deleteFrom('pair_follow_ups').where('pair_id', 'in', batch).execute();
		await db.deleteFrom('pair_agreements').where('pair_id', 'in', batch).execute();
		await db
			.updateTable('pair_status_changes')
			.set({ reason: '' })
			.where('pair_id', 'in', batch)
			.execute();
	}
}

/** Links, sessions (with their IP and browser) and messages: all hold or lead to the person. */
export async function deleteContactTraces(db: DbOrTx, participantIds: string[]): Promise<void> {
	for (const batch of inBatches(participantIds)) {
		await db.deleteFrom('participant_links').where('participant_id', 'in', batch).execute();
		await db.deleteFrom('sessions').where('participant_id', 'in', batch).execute();
		await db.deleteFrom('outbox').where('participant_id', 'in', batch).execute();
	}
}

/**
 * Free text can name anyone (a job title in a follow-up too); the scored answers stay for the
 * program's statistics.
 */
export async function removeFreeTextAnswers(db: DbOrTx, participantIds: string[]): Promise<void> {
	for (const batch of inBatches(participantIds)) {
		await db
			.updateTable('outcome_follow_ups')
			.set({ job_title: null })
			.where('participant_id', 'in', batch)
			.execute();
		await db
			.deleteFrom('responses')
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('assignments')
						.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
						.innerJoin(
							'instrument_items',
							'instrument_items.version_id',
							'rounds.instrument_version_id'
						)
						.select('assignments.id')
						.whereRef('assignments.id', '=', 'responses.assignment_id')
						.whereRef('instrument_items.key', '=', 'responses.item_key')
						.where('assignments.participant_id', 'in', batch)
						.where('instrument_items.type', '=', 'text')
				)
			)
			.execute();
	}
}

/** Every answer of the people goes: their surveys' and their follow-ups'. */
export async function deleteAssignmentsOf(db: DbOrTx, participantIds: string[]): Promise<void> {
	for (const batch of inBatches(participantIds)) {
		await db.deleteFrom('assignments').where('participant_id', 'in', batch).execute();
		await db.deleteFrom('outcome_follow_ups').where('participant_id', 'in', batch).execute();
	}
}

/**
 * The rows stay, so pairs and anonymous answers still count, but nothing on them points to the
 * person: a placeholder name, an address that cannot receive mail, no contact or consent details,
 * no field or languages (with a name gone, a rare language can still point to someone).
 */
export async function anonymiseParticipantRows(
	db: DbOrTx,
	participantIds: string[],
	language: string,
	now: number
): Promise<void> {
	const label = m.privacy_erased_name({}, { locale: language === 'fr' ? 'fr' : 'en' });
	for (const batch of inBatches(participantIds)) {
		await db
			.updateTable('participants')
			.set({
				name: sql<string>`${label} || ' ' || substr(id, 1, 6)`,
				email: sql<string>`'erased-' || id || '@erased.invalid'`,
				phone: null,
				occupation: null,
				field: null,
				languages: '',
				employer_id: null,
				consent_date: null,
				consented_at: null,
				notes: '',
				status: 'withdrawn',
				withdrawn_at: sql<number>`coalesce(withdrawn_at, ${now})`,
				withdrawn_reason: null,
				erased_at: now,
				updated_at: now
			})
			.where('id', 'in', batch)
			.execute();
	}
}

/**
 * Uploaded participant files hold names and emails. A finished import no longer needs its file
 * (its page shows only the file name), so the file is emptied; an upload still waiting for
 * confirmation is dropped, and the coordinator uploads it again.
 */
export async function scrubImports(
	db: DbOrTx,
	programId: string,
	mentionsPerson: (content: string) => boolean = () => true
): Promise<void> {
	const uploads = await db
		.selectFrom('participant_imports')
		.select(['id', 'content', 'completed_at'])
		.where('program_id', '=', programId)
		.where('content', '!=', '')
		.execute();
	for (const upload of uploads.filter((u) => mentionsPerson(u.content))) {
		if (upload.completed_at === null)
			await db.deleteFrom('participant_imports').where('id', '=', upload.id).execute();
		else
			await db
				.updateTable('participant_imports')
				.set({ content: '' })
				.where('id', '=', upload.id)
				.execute();
	}
}

/** Erased rows' earlier versions stay in the database's files until the engine drops them. */
export async function forgetOldVersions(db: Db): Promise<void> {
	if (!(await dropOldRowVersions(db)))
		console.warn(
			'[tandem] An erasure is still in the write-ahead log (another process was reading); SQLite overwrites it later.'
		);
}
