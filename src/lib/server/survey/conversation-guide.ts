import { conversationGuide, type PairRole } from '$lib/alignment/conversation-guide';
import { wordGuide, type WordedGuide } from '$lib/analytics/conversation-guide-words';
import { getLocale } from '$lib/paraglide/runtime';
import type { DbOrTx } from '../db';
import type { Participant, Round } from '../db/schema';
import { pairsWithPeople } from '../pairs/pairs';
import { loadAnswers } from './answers';
import { roundDocument } from './assignments';

interface GuidePair {
	pairId: string;
	viewerRole: PairRole;
	viewerId: string;
	partnerId: string;
	partnerName: string;
}

export interface GuideLink {
	pairId: string;
	partnerName: string;
	ready: boolean;
}

export type PairGuide =
	| { pairId: string; partnerName: string; ready: false }
	| { pairId: string; partnerName: string; ready: true; language: string; guide: WordedGuide };

/** This participant's pairs whose program lets pairs see their summary; ended-early pairs are gone. */
async function guidePairs(db: DbOrTx, participant: Participant): Promise<GuidePair[]> {
	const rows = await pairsWithPeople(db)
		.innerJoin('programs', 'programs.id', 'pairs.program_id')
		.select([
			'pairs.id',
			'pairs.mentor_id',
			'pairs.protege_id',
			'mentor.name as mentorName',
			'protege.name as protegeName'
		])
		.where('pairs.organization_id', '=', participant.organization_id)
		.where('pairs.program_id', '=', participant.program_id)
		.where('programs.pairs_see_summary', '=', 1)
		.where('pairs.status', '!=', 'ended_early')
		.where((eb) =>
			eb.or([
				eb('pairs.mentor_id', '=', participant.id),
				eb('pairs.protege_id', '=', participant.id)
			])
		)
		.orderBy('pairs.created_at')
		.execute();
	return rows.map((row) => {
		const isMentor = row.mentor_id === participant.id;
		return {
			pairId: row.id,
			viewerRole: isMentor ? 'mentor' : 'protege',
			viewerId: participant.id,
			partnerId: isMentor ? row.protege_id : row.mentor_id,
			partnerName: isMentor ? row.protegeName : row.mentorName
		};
	});
}

export interface BothSubmitted {
	round: Round;
	mine: string;
	partner: string;
}

/** Both people's submitted answers to the program's latest `pre` round, or null until then. */
export async function bothSubmitted(
	db: DbOrTx,
	programId: string,
	pair: { pairId: string; viewerId: string; partnerId: string }
): Promise<BothSubmitted | null> {
	const round = await db
		.selectFrom('rounds')
		.selectAll()
		.where('program_id', '=', programId)
		.where('wave', '=', 'pre')
		.orderBy('created_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!round) return null;
	const submitted = await db
		.selectFrom('assignments')
		.select(['id', 'participant_id'])
		.where('round_id', '=', round.id)
		.where('status', '=', 'submitted')
		.where('participant_id', 'in', [pair.viewerId, pair.partnerId])
		.where((eb) => eb.or([eb('pair_id', 'is', null), eb('pair_id', '=', pair.pairId)]))
		.execute();
	const mine = submitted.find((a) => a.participant_id === pair.viewerId);
	const partner = submitted.find((a) => a.participant_id === pair.partnerId);
	return mine && partner ? { round, mine: mine.id, partner: partner.id } : null;
}

/** The guides a participant may open, for their portal. */
export async function listGuideLinks(db: DbOrTx, participant: Participant): Promise<GuideLink[]> {
	const pairs = await guidePairs(db, participant);
	return Promise.all(
		pairs.map(async (pair) => ({
			pairId: pair.pairId,
			partnerName: pair.partnerName,
			ready: (await bothSubmitted(db, participant.program_id, pair)) !== null
		}))
	);
}

/** One pair's guide for one of its two people; null (a 404) for anyone else or when not allowed. */
export async function findPairGuide(
	db: DbOrTx,
	participant: Participant,
	pairId: string
): Promise<PairGuide | null> {
	const pair = (await guidePairs(db, participant)).find((p) => p.pairId === pairId);
	return pair ? buildGuide(db, participant.program_id, pair) : null;
}

/**
 * The guide a pair's protégé reads, for the coordinator preparing to talk with them. Staff may
 * see it whatever the program lets pairs see: it shows only answers staff see on the pair page.
 */
export async function staffPairGuide(
	db: DbOrTx,
	pair: {
		id: string;
		program_id: string;
		mentor_id: string;
		protege_id: string;
		mentorName: string;
	}
): Promise<PairGuide> {
	return buildGuide(db, pair.program_id, {
		pairId: pair.id,
		viewerRole: 'protege',
		viewerId: pair.protege_id,
		partnerId: pair.mentor_id,
		partnerName: pair.mentorName
	});
}

async function buildGuide(db: DbOrTx, programId: string, pair: GuidePair): Promise<PairGuide> {
	const { pairId, partnerName } = pair;
	const answered = await bothSubmitted(db, programId, pair);
	if (!answered) return { pairId, partnerName, ready: false };
	const [document, mine, partner] = await Promise.all([
		roundDocument(db, answered.round),
		loadAnswers(db, answered.mine),
		loadAnswers(db, answered.partner)
	]);
	const locale = getLocale();
	const language = document.languages.includes(locale) ? locale : document.languages[0]!;
	const guide = conversationGuide({
		constructs: document.constructs,
		viewerRole: pair.viewerRole,
		mine,
		partner
	});
	return { pairId, partnerName, ready: true, language, guide: wordGuide(guide, language, locale) };
}
