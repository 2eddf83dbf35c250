import type { Db, DbOrTx } from '../db';
import { issueParticipantLink, linkExpiry } from '../auth/participant-links';
import { composePairMessage, type PairMessageKind } from '../mail/compose';
import { enqueueMessage } from '../mail/outbox';

/** One of a pair's people, as a message to them needs them. */
export interface PairPerson {
	id: string;
	name: string;
	email: string;
	language: string;
}

/** Where a message about a pair comes from. */
export interface PairSending {
	organizationId: string;
	organizationName: string;
	program: { name: string; end_date: string; followup_months: string };
	timeZone: string;
	origin: string;
}

/**
 * Pairs with where they belong and both their people: all a message about a pair needs, in one
 * query whatever the number of pairs. The caller adds what it picks pairs by.
 */
export function pairsToMessage(db: DbOrTx) {
	return db
		.selectFrom('pairs')
		.innerJoin('programs', 'programs.id', 'pairs.program_id')
		.innerJoin('organizations', 'organizations.id', 'pairs.organization_id')
		.innerJoin('participants as mentor', 'mentor.id', 'pairs.mentor_id')
		.innerJoin('participants as protege', 'protege.id', 'pairs.protege_id')
		.select([
			'pairs.id',
			'pairs.organization_id',
			'pairs.program_id',
			'pairs.created_at',
			'programs.name as programName',
			'programs.end_date',
			'programs.followup_months',
			'organizations.name as organizationName',
			'organizations.time_zone',
			'mentor.id as mentorId',
			'mentor.name as mentorName',
			'mentor.email as mentorEmail',
			'mentor.language as mentorLanguage',
			'mentor.status as mentorStatus',
			'protege.id as protegeId',
			'protege.name as protegeName',
			'protege.email as protegeEmail',
			'protege.language as protegeLanguage',
			'protege.status as protegeStatus'
		]);
}

type MessagedPair = Awaited<ReturnType<ReturnType<typeof pairsToMessage>['execute']>>[number];

/** The people of a pair read by pairsToMessage who still take part, each with their role. */
export function activePeopleOf(
	pair: MessagedPair
): (PairPerson & { role: 'mentor' | 'protege' })[] {
	const people = [
		{
			role: 'mentor' as const,
			id: pair.mentorId,
			name: pair.mentorName,
			email: pair.mentorEmail,
			language: pair.mentorLanguage,
			status: pair.mentorStatus
		},
		{
			role: 'protege' as const,
			id: pair.protegeId,
			name: pair.protegeName,
			email: pair.protegeEmail,
			language: pair.protegeLanguage,
			status: pair.protegeStatus
		}
	];
	return people.filter((person) => person.status === 'active');
}

/** Where a message comes from, out of a row that joined the pair's program and organization. */
export function sendingOf(
	row: {
		organization_id: string;
		organizationName: string;
		programName: string;
		end_date: string;
		followup_months: string;
		time_zone: string;
	},
	origin: string
): PairSending {
	return {
		organizationId: row.organization_id,
		organizationName: row.organizationName,
		program: {
			name: row.programName,
			end_date: row.end_date,
			followup_months: row.followup_months
		},
		timeZone: row.time_zone,
		origin
	};
}

/**
 * Queues a short message about a pair (a check-in, its reminder, an exit survey) with a fresh
 * personal link: the token lives only in the undelivered message, as for surveys.
 */
export async function enqueuePairMessage(
	db: DbOrTx,
	kind: PairMessageKind,
	sending: PairSending,
	person: PairPerson
): Promise<void> {
	const token = await issueParticipantLink(
		db,
		person.id,
		linkExpiry(sending.program, sending.timeZone),
		null
	);
	const { subject, body } = composePairMessage(kind, {
		language: person.language,
		name: person.name,
		program: sending.program.name,
		organization: sending.organizationName,
		link: `${sending.origin}/l/${token}`
	});
	await enqueueMessage(db, {
		organizationId: sending.organizationId,
		participantId: person.id,
		roundId: null,
		kind: kind.endsWith('_reminder') ? 'reminder' : 'invitation',
		to: person.email,
		subject,
		body
	});
}

/**
 * Sends a message about a pair at most once, even when several processes try at the same
 * moment: `claim` makes or marks the row that says it was sent (an insert that does nothing on
 * a conflict, an update that changes nothing when done already) and says whether it did; only
 * the process whose claim succeeded queues the message, in the same transaction.
 */
export function sendOnce(
	db: Db,
	claim: (tx: DbOrTx) => Promise<{ numInsertedOrUpdatedRows?: bigint; numUpdatedRows?: bigint }>,
	kind: PairMessageKind,
	sending: PairSending,
	person: PairPerson
): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		const result = await claim(tx);
		const claimed = result.numInsertedOrUpdatedRows ?? result.numUpdatedRows ?? 0n;
		if (claimed === 0n) return false;
		await enqueuePairMessage(tx, kind, sending, person);
		return true;
	});
}
