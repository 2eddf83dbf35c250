import type { DbOrTx } from '../db';
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
	program: { name: string; end_date: string };
	timeZone: string;
	origin: string;
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
		kind: kind === 'check_in_reminder' ? 'reminder' : 'invitation',
		to: person.email,
		subject,
		body
	});
}
