import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import { createParticipantSession, type SessionMeta } from '../../src/lib/server/auth/session';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import type { DbOrTx } from '../../src/lib/server/db/open';

const DAY = 86_400_000;

/** The stored id of the link a token opens. */
export async function linkIdOf(db: DbOrTx, token: string): Promise<string> {
	const link = await db
		.selectFrom('participant_links')
		.select('id')
		.where('token_hash', '=', hashSecret(token))
		.executeTakeFirstOrThrow();
	return link.id;
}

/** A session as opening a fresh personal link (or the one given) would start it. */
export async function sessionThroughLink(
	db: DbOrTx,
	participantId: string,
	meta: SessionMeta,
	linkToken?: string
): Promise<string> {
	const token =
		linkToken ?? (await issueParticipantLink(db, participantId, Date.now() + DAY, null));
	const { token: sessionToken } = await createParticipantSession(
		db,
		{ participantId, linkId: await linkIdOf(db, token) },
		meta
	);
	return sessionToken;
}
