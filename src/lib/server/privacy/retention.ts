import { sql } from 'kysely';
import type { Db, DbOrTx } from '../db';
import { recordAudit } from '../audit/audit';
import {
	anonymiseParticipantRows,
	deleteContactTraces,
	forgetOldVersions,
	forgetPairTalk,
	inBatches,
	pairsOf,
	removeFreeTextAnswers,
	scrubImports
} from './erasure-steps';
import { sweepIdentity } from './identity-sweep';
import { identityPattern, type Identity } from './redact';

/** A closed program whose people are due to lose what identifies them. */
export interface RetentionTarget {
	organizationId: string;
	programId: string;
	programName: string;
	closedAt: number;
	/** When the organization's retention period after closing ended. */
	dueAt: number;
	participantIds: string[];
}

/** The same day `months` calendar months later (the 31st becomes the month's last day). */
export function addMonths(epochMs: number, months: number): number {
	const date = new Date(epochMs);
	const day = date.getUTCDate();
	date.setUTCDate(1);
	date.setUTCMonth(date.getUTCMonth() + months);
	const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
	date.setUTCDate(Math.min(day, lastDay));
	return date.getTime();
}

/**
 * Closed programs with people not yet anonymised, each with when retention ends, for every
 * organization that set a period (or the one given, with `months` to try another period).
 * Both the preview and the real run read this one list.
 */
export async function closedProgramsWithPeople(
	db: DbOrTx,
	only?: { organizationId: string; months: number | null }
): Promise<RetentionTarget[]> {
	let query = db
		.selectFrom('programs')
		.innerJoin('organizations', 'organizations.id', 'programs.organization_id')
		.select([
			'programs.id',
			'programs.name',
			'programs.organization_id',
			'organizations.retention_months',
			sql<number>`coalesce(programs.closed_at, programs.updated_at)`.as('closedAt')
		])
		.where('programs.status', '=', 'closed');
	query = only
		? query.where('programs.organization_id', '=', only.organizationId)
		: query.where('organizations.retention_months', 'is not', null);
	const programs = await query.orderBy('closedAt').execute();
	const targets: RetentionTarget[] = [];
	for (const program of programs) {
		const months = only ? only.months : program.retention_months;
		if (months === null) continue;
		const people = await db
			.selectFrom('participants')
			.select('id')
			.where('program_id', '=', program.id)
			.where('erased_at', 'is', null)
			.orderBy('id')
			.execute();
		if (people.length === 0) continue;
		const closedAt = Number(program.closedAt);
		targets.push({
			organizationId: program.organization_id,
			programId: program.id,
			programName: program.name,
			closedAt,
			dueAt: addMonths(closedAt, months),
			participantIds: people.map((p) => p.id)
		});
	}
	return targets;
}

async function identitiesOf(db: DbOrTx, participantIds: string[]): Promise<Identity[]> {
	const people: Identity[] = [];
	for (const batch of inBatches(participantIds))
		people.push(
			...(await db
				.selectFrom('participants')
				.select(['name', 'email', 'phone'])
				.where('id', 'in', batch)
				.execute())
		);
	return people;
}

/** What a run at `now` would anonymise: the dry run, and the preview on the settings page. */
export async function dueForRetention(
	db: DbOrTx,
	now = Date.now(),
	only?: { organizationId: string; months: number | null }
): Promise<RetentionTarget[]> {
	return (await closedProgramsWithPeople(db, only)).filter((t) => t.dueAt <= now);
}

/**
 * Anonymises everyone in every program that is due, one transaction per program, and returns
 * what it anonymised. Answers stay as anonymous rows for statistics. Another process (a second
 * server, the cron job) may run at the same moment: each transaction takes only the people still
 * named when it begins, so each person is anonymised, and each program audited, once.
 */
export async function applyRetention(db: Db, now = Date.now()): Promise<RetentionTarget[]> {
	const applied: RetentionTarget[] = [];
	for (const target of await dueForRetention(db, now)) {
		const ids = await db.transaction().execute(async (tx) => {
			const ids = await stillNamed(tx, target.participantIds);
			if (ids.length === 0) return ids;
			const program = await tx
				.selectFrom('programs')
				.select('default_language')
				.where('id', '=', target.programId)
				.executeTakeFirstOrThrow();
			const people = await identitiesOf(tx, ids);
			await forgetPairTalk(tx, await pairsOf(tx, ids));
			await deleteContactTraces(tx, ids);
			await removeFreeTextAnswers(tx, ids);
			await anonymiseParticipantRows(tx, ids, program.default_language, now);
			await scrubImports(tx, target.programId);
			await sweepIdentity(tx, target, {
				program: identityPattern(people),
				organization: identityPattern(people, { nameParts: false })
			});
			await recordAudit(
				tx,
				{
					organizationId: target.organizationId,
					actorStaffId: null,
					action: 'retention.applied',
					targetType: 'program',
					targetId: target.programId,
					detail: { people: ids.length }
				},
				now
			);
			return ids;
		});
		if (ids.length > 0) applied.push({ ...target, participantIds: ids });
	}
	if (applied.length > 0) await forgetOldVersions(db);
	return applied;
}

async function stillNamed(db: DbOrTx, participantIds: string[]): Promise<string[]> {
	const ids: string[] = [];
	for (const batch of inBatches(participantIds))
		ids.push(
			...(
				await db
					.selectFrom('participants')
					.select('id')
					.where('id', 'in', batch)
					.where('erased_at', 'is', null)
					.orderBy('id')
					.execute()
			).map((row) => row.id)
		);
	return ids;
}
