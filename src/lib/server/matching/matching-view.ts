import { explainMatch } from '$lib/alignment/match-explanation';
import {
	sameField,
	sharedLanguage,
	type MatchInput,
	type MatchMentor,
	type MatchPerson
} from '$lib/alignment/matching/build-problem';
import {
	bestMentorsFor,
	suggestSteps,
	type UnmatchedReason
} from '$lib/alignment/matching/suggest';
import { predictPair } from '$lib/alignment/predicted-alignment';
import type { RiskLevel } from '$lib/alignment/risk';
import {
	matchTopicSentence,
	sameFieldSentence,
	sharedLanguageSentence
} from '$lib/analytics/match-words';
import { describeReason } from '$lib/analytics/reason-words';
import type { ItemDocument } from '$lib/instruments/types';
import type { DbOrTx } from '../db';
import type { MatchLockKind, MatchRule, Program } from '../db/schema';
import { loadMatchInput, type MatchName } from './match-input';
import { eachStep, runInSlices } from './slices';

/** A mentor and a protégé as a coordinator reads their prediction. */
export interface CandidateView {
	mentor: MatchName;
	protege: MatchName;
	status: RiskLevel | null;
	/** Predicted alignment in percent; null when nothing could be compared or someone has not answered. */
	score: number | null;
	reasons: string[];
	agreements: string[];
	differences: string[];
	/** Rules met: "Both work in Healthcare.", "Both speak Arabic." */
	shared: string[];
	locked: boolean;
}

export interface MatchingView {
	hasPreRound: boolean;
	rules: { field: MatchRule; language: MatchRule };
	suggestions: CandidateView[];
	counts: Record<RiskLevel, number>;
	/** Mean predicted alignment of the suggestions, in percent; null when none. */
	meanScore: number | null;
	unmatched: { person: MatchName; reason: UnmatchedReason }[];
	mentorsLeft: { person: MatchName; places: number; answered: boolean }[];
	locks: { mentor: MatchName; protege: MatchName; kind: MatchLockKind; kept: boolean }[];
	free: { mentors: number; proteges: number };
}

/** Agreements and differences shown per suggestion. */
const SHOWN = 2;

interface Wording {
	input: MatchInput;
	names: ReadonlyMap<string, MatchName>;
	items: ReadonlyMap<string, ItemDocument>;
	language: string;
}

function candidateView(
	wording: Wording,
	mentor: MatchPerson,
	protege: MatchPerson,
	locked: boolean
): CandidateView {
	const { input, names, items, language } = wording;
	const view = {
		mentor: names.get(mentor.id)!,
		protege: names.get(protege.id)!,
		locked,
		shared: [] as string[]
	};
	if (input.rules.field !== 'off' && sameField(mentor, protege))
		view.shared.push(sameFieldSentence(protege.field!, language));
	const spoken = input.rules.language !== 'off' ? sharedLanguage(mentor, protege) : null;
	if (spoken) view.shared.push(sharedLanguageSentence(spoken, language));
	if (!mentor.answers || !protege.answers)
		return { ...view, status: null, score: null, reasons: [], agreements: [], differences: [] };
	const prediction = predictPair(input.prediction, mentor.answers, protege.answers);
	// A difference already given as a reason for the status is not repeated below it.
	const inReasons = new Set(
		prediction.reasons.flatMap(({ reason }) => ('itemKey' in reason ? [reason.itemKey] : []))
	);
	const explanation = explainMatch(
		input.prediction.constructs,
		mentor.answers,
		protege.answers,
		SHOWN + inReasons.size
	);
	const differences = explanation.differences
		.filter((topic) => !inReasons.has(topic.item.key))
		.slice(0, SHOWN);
	return {
		...view,
		status: prediction.status,
		score: prediction.score === null ? null : Math.round(prediction.score * 100),
		reasons: prediction.reasons.map(({ reason }) => describeReason(reason, items, language)),
		agreements: explanation.agreements
			.slice(0, SHOWN)
			.map((topic) => matchTopicSentence(topic, language)),
		differences: differences.map((topic) => matchTopicSentence(topic, language))
	};
}

async function wordingFor(db: DbOrTx, program: Program, language: string) {
	const loaded = await loadMatchInput(db, program);
	const items = new Map(loaded.constructs.flatMap((c) => c.items).map((i) => [i.key, i] as const));
	return { ...loaded, wording: { input: loaded.input, names: loaded.names, items, language } };
}

const byName = (a: MatchName, b: MatchName) =>
	a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const SEVERITY = { at_risk: 0, watch: 1, ok: 2 } as const;
/** Pairs to look at first (a locked pair at risk, then pairs to watch), then by protégé. */
const bySeverityThenProtege = (a: CandidateView, b: CandidateView) =>
	(a.status ? SEVERITY[a.status] : 3) - (b.status ? SEVERITY[b.status] : 3) ||
	byName(a.protege, b.protege);

/** The program's suggested pairs with their reasons, who is left and why, and the locks. */
export async function buildMatchingView(
	db: DbOrTx,
	program: Program,
	language: string
): Promise<MatchingView> {
	const { input, names, hasPreRound, wording } = await wordingFor(db, program, language);
	const outcome = await runInSlices(suggestSteps(input));
	const suggestions = (
		await runInSlices(
			eachStep(outcome.pairs, (pair) =>
				candidateView(wording, pair.mentor, pair.protege, pair.locked)
			)
		)
	).sort(bySeverityThenProtege);
	const counts = { ok: 0, watch: 0, at_risk: 0 };
	const scores: number[] = [];
	for (const s of suggestions) {
		if (s.status) counts[s.status] += 1;
		if (s.score !== null) scores.push(s.score);
	}
	const unkept = new Set(outcome.unkeptLocks.map((l) => `${l.mentorId}:${l.protegeId}`));
	return {
		hasPreRound,
		rules: input.rules,
		suggestions,
		counts,
		meanScore:
			scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
		unmatched: outcome.unmatched
			.map((u) => ({ person: names.get(u.protege.id)!, reason: u.reason }))
			.sort((a, b) => byName(a.person, b.person)),
		mentorsLeft: outcome.mentorsLeft
			.map((l) => ({ person: names.get(l.mentor.id)!, places: l.places, answered: l.answered }))
			.sort((a, b) => byName(a.person, b.person)),
		locks: input.locks.flatMap((lock) => {
			const mentor = names.get(lock.mentorId);
			const protege = names.get(lock.protegeId);
			if (!mentor || !protege) return [];
			const kept = lock.kind === 'never' || !unkept.has(`${lock.mentorId}:${lock.protegeId}`);
			return [{ mentor, protege, kind: lock.kind, kept }];
		}),
		free: { mentors: input.mentors.length, proteges: input.proteges.length }
	};
}

export interface ProtegeMatches {
	protege: MatchName;
	answered: boolean;
	candidates: CandidateView[];
}

/** The best five mentors for one free protégé; null when they are not a free protégé of the program. */
export async function bestMentorsView(
	db: DbOrTx,
	program: Program,
	protegeId: string,
	language: string
): Promise<ProtegeMatches | null> {
	const { input, wording, names } = await wordingFor(db, program, language);
	const protege = input.proteges.find((p) => p.id === protegeId);
	if (!protege) return null;
	const locked = (mentor: MatchMentor) =>
		input.locks.some(
			(l) => l.kind === 'must' && l.mentorId === mentor.id && l.protegeId === protegeId
		);
	return {
		protege: names.get(protegeId)!,
		answered: protege.answers !== null,
		candidates: protege.answers
			? bestMentorsFor(input, protegeId).map((mentor) =>
					candidateView(wording, mentor, protege, locked(mentor))
				)
			: []
	};
}

export interface ManualPairPreview {
	chosen: CandidateView;
	/** The mentor suggestions would put first for this protégé, when it is someone else. */
	suggested: CandidateView | null;
}

/**
 * What a pair made by hand is predicted to be, and the mentor suggestions would prefer for the
 * protégé; null when there is nothing to predict (one of them has not answered `pre`, or is not free).
 */
export async function previewManualPair(
	db: DbOrTx,
	program: Program,
	pair: { mentorId: string; protegeId: string },
	language: string
): Promise<ManualPairPreview | null> {
	const { input, wording } = await wordingFor(db, program, language);
	const protege = input.proteges.find((p) => p.id === pair.protegeId);
	const mentor = input.mentors.find((p) => p.id === pair.mentorId);
	if (!protege?.answers || !mentor?.answers) return null;
	const best = bestMentorsFor(input, protege.id, 1)[0];
	return {
		chosen: candidateView(wording, mentor, protege, false),
		suggested: best && best.id !== mentor.id ? candidateView(wording, best, protege, false) : null
	};
}
