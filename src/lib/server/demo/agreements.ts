import { agreementReasons } from '$lib/alignment/agreement';
import type { AnswerSet } from '$lib/alignment/pair-alignment';
import type { AgreementTerms } from '$lib/pairs/agreement';
import {
	agreementState,
	confirmAgreement,
	saveAgreement,
	type AgreementPair
} from '../agreements/agreements';
import type { Db } from '../db';
import { loadAnswers } from '../survey/answers';
import { roundDocument } from '../survey/assignments';
import type { Calendar } from './calendar';
import type { StoryName } from './stories';

/** Both people's sent `mid` answers, where the program has such a round. */
async function midAnswers(db: Db, programId: string, pair: DemoPair) {
	const rows = await db
		.selectFrom('assignments')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.select(['assignments.id', 'assignments.participant_id'])
		.where('rounds.program_id', '=', programId)
		.where('rounds.wave', '=', 'mid')
		.where('assignments.status', '=', 'submitted')
		.where('assignments.participant_id', 'in', [pair.mentorId, pair.protegeId])
		.execute();
	const answers: Partial<Record<'mentor' | 'protege', AnswerSet>> = {};
	for (const row of rows)
		answers[row.participant_id === pair.mentorId ? 'mentor' : 'protege'] = await loadAnswers(
			db,
			row.id
		);
	return answers;
}

/** The terms without what either person's `mid` answers go against (agreement.ts's reasons). */
async function keptTerms(
	db: Db,
	programId: string,
	pair: DemoPair,
	terms: AgreementTerms
): Promise<AgreementTerms> {
	const mid = await midAnswers(db, programId, pair);
	const round = await db
		.selectFrom('rounds')
		.select('instrument_version_id')
		.where('program_id', '=', programId)
		.where('wave', '=', 'mid')
		.executeTakeFirst();
	if (!round) return terms;
	const items = (await roundDocument(db, round)).constructs.flatMap((c) => c.items);
	const byKey = new Map(items.map((item) => [item.key, item]));
	const followUps = items.filter((item) => item.follows);
	const kinds = new Set(
		agreementReasons({ terms, agreedAt: 0 }, [], mid, { byKey, followUps }).map(
			(r) => r.reason.kind
		)
	);
	return {
		...terms,
		frequency: kinds.has('agreement_rhythm') ? null : terms.frequency,
		starter: kinds.has('agreement_starter') ? null : terms.starter,
		goals: kinds.has('agreement_goal_untouched') ? [] : terms.goals
	};
}

interface DemoPair {
	pairId: string;
	story: StoryName;
	mentorId: string;
	protegeId: string;
}

/**
 * A few days after pairing, most pairs write down their agreement from what their `pre` answers
 * share: the mentor writes, the protégé confirms two days later. The pair whose rhythm never
 * matched agreed to meet every week (their `mid` answers then say otherwise); in the pair whose
 * protégé asked for contact, the protégé wrote it and the mentor has not confirmed; the silent
 * pair never wrote one.
 */
export async function seedAgreements(
	db: Db,
	calendar: Calendar,
	place: { organizationId: string; programId: string; seesSummary: boolean },
	pairs: readonly DemoPair[],
	pairedOn: number
): Promise<void> {
	for (const pair of pairs) {
		if (pair.story === 'silent') continue;
		const side = (role: 'mentor' | 'protege'): AgreementPair => ({
			id: pair.pairId,
			organizationId: place.organizationId,
			programId: place.programId,
			role,
			viewerId: role === 'mentor' ? pair.mentorId : pair.protegeId,
			partnerId: role === 'mentor' ? pair.protegeId : pair.mentorId,
			partnerName: '',
			seesSummary: place.seesSummary
		});
		const writer = side(pair.story === 'contact_request' ? 'protege' : 'mentor');
		const prefilled = (await agreementState(db, writer)).state.terms;
		let terms: AgreementTerms = {
			...prefilled,
			frequency:
				pair.story === 'frequency_mismatch' ? 'weekly' : (prefilled.frequency ?? 'every_two_weeks'),
			modes: prefilled.modes.length > 0 ? prefilled.modes : ['video']
		};
		// A pair that goes well keeps to what it agreed: what their mid answers would contradict
		// was never part of it.
		if (pair.story === 'well_aligned') terms = await keptTerms(db, place.programId, pair, terms);
		const written = calendar.at(pairedOn + 3);
		await saveAgreement(db, writer, terms, written);
		if (pair.story === 'contact_request') continue;
		await confirmAgreement(db, side('protege'), written, calendar.at(pairedOn + 5));
	}
}
