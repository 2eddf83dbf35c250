import { analyseProgram, byRisk, type PairRisk } from '$lib/alignment/program-analysis';
import type { AssessedReason, RiskLevel } from '$lib/alignment/risk';
import { describeReason } from '$lib/analytics/reason-words';
import type { ItemDocument } from '$lib/instruments/types';
import { collator } from '$lib/intl';
import type { DbOrTx } from '../db';
import type { Program } from '../db/schema';
import { FINAL_PAIR_STATUSES, listPairNames, type PairNames } from '../pairs/pairs';
import { loadProgramEvidence } from './program-evidence';
import { itemsByKey } from './program-overview';

/** How many pairs each list shows before it points to the program overviews. */
export const ATTENTION_LIMIT = 20;
const TOP_REASONS = 2;

export interface AttentionEntry {
	programId: string;
	programName: string;
	pairId: string;
	mentorName: string;
	protegeName: string;
	status: RiskLevel;
	/** Why the pair is on this list, in words; the first few only. */
	reasons: string[];
	moreReasons: number;
}

export interface AttentionList {
	entries: AttentionEntry[];
	total: number;
	/** Pairs past the limit, counted per program so each count can link to that program. */
	hidden: { programId: string; programName: string; count: number }[];
}

export interface Attention {
	atRisk: AttentionList;
	contactRequests: AttentionList;
	overdue: AttentionList;
}

interface Candidate {
	program: Program;
	pair: PairNames;
	analysis: PairRisk;
	items: ReadonlyMap<string, ItemDocument>;
}

type ReasonPick = (reasons: AssessedReason[]) => AssessedReason[];

async function loadCandidates(db: DbOrTx, program: Program, today?: string): Promise<Candidate[]> {
	const [pairs, loaded] = await Promise.all([
		listPairNames(db, program.organization_id, program.id),
		loadProgramEvidence(db, program, { today })
	]);
	const pairById = new Map(pairs.map((pair) => [pair.id, pair]));
	const items = itemsByKey(loaded.evidence.constructs);
	return analyseProgram(loaded.evidence).pairs.flatMap((analysis) => {
		const pair = pairById.get(analysis.pairId);
		if (!pair || FINAL_PAIR_STATUSES.includes(pair.status) || analysis.status === 'ok') return [];
		return [{ program, pair, analysis, items }];
	});
}

function attentionList(
	candidates: Candidate[],
	pick: ReasonPick,
	locale: string,
	{ limit, top }: { limit: number; top: number }
): AttentionList {
	const listed = candidates.filter(({ analysis }) => pick(analysis.reasons).length > 0);
	const hidden = new Map<string, AttentionList['hidden'][number]>();
	for (const { program } of listed.slice(limit)) {
		const entry = hidden.get(program.id) ?? {
			programId: program.id,
			programName: program.name,
			count: 0
		};
		entry.count += 1;
		hidden.set(program.id, entry);
	}
	const entries = listed.slice(0, limit).map(({ program, pair, analysis, items }) => {
		const reasons = pick(analysis.reasons);
		return {
			programId: program.id,
			programName: program.name,
			pairId: pair.id,
			mentorName: pair.mentorName,
			protegeName: pair.protegeName,
			status: analysis.status,
			reasons: reasons.slice(0, top).map(({ reason }) => describeReason(reason, items, locale)),
			moreReasons: Math.max(0, reasons.length - top)
		};
	});
	return { entries, total: listed.length, hidden: [...hidden.values()] };
}

const ofKind =
	(...kinds: AssessedReason['reason']['kind'][]): ReasonPick =>
	(reasons) =>
		reasons.filter(({ reason }) => kinds.includes(reason.kind));

/**
 * The running pairs of an organization's open programs that need a coordinator, most at risk
 * first and equal risk by name: pairs at risk with their main reasons, requests to be contacted
 * (even from pairs already at risk) and surveys left unanswered. Each program is loaded and
 * analysed once, whatever its size.
 */
export async function listPairsNeedingAttention(
	db: DbOrTx,
	organizationId: string,
	locale: string,
	{ today, limit = ATTENTION_LIMIT }: { today?: string; limit?: number } = {}
): Promise<Attention> {
	const programs = await db
		.selectFrom('programs')
		.selectAll()
		.where('organization_id', '=', organizationId)
		.where('status', '!=', 'closed')
		.orderBy('start_date', 'desc')
		.execute();
	const candidates: Candidate[] = [];
	for (const program of programs) candidates.push(...(await loadCandidates(db, program, today)));
	const { compare } = collator(locale);
	candidates.sort(
		(a, b) =>
			byRisk(a.analysis, b.analysis) ||
			compare(a.pair.protegeName, b.pair.protegeName) ||
			compare(a.pair.mentorName, b.pair.mentorName) ||
			(a.pair.id < b.pair.id ? -1 : 1)
	);

	const atRisk: ReasonPick = (reasons) =>
		reasons.some((r) => r.level === 'at_risk') ? reasons : [];
	return {
		atRisk: attentionList(candidates, atRisk, locale, { limit, top: TOP_REASONS }),
		contactRequests: attentionList(
			candidates,
			ofKind('contact_request', 'pulse_contact_request'),
			locale,
			{
				limit,
				top: Infinity
			}
		),
		overdue: attentionList(candidates, ofKind('overdue'), locale, { limit, top: Infinity })
	};
}
