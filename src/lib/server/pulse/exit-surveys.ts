import { z } from 'zod';
import { HELPED_MOST } from '$lib/pairs/exit-survey';
import { m } from '$lib/paraglide/messages';
import type { Db, DbOrTx } from '../db';
import { partnerIdOf } from './partner';
import type { ExitSurvey, Participant } from '../db/schema';
import { FINAL_PAIR_STATUSES } from '../pairs/pairs';
import { generateId } from '../util/ids';
import { activePeopleOf, pairsToMessage, sendingOf, sendOnce } from './pair-mail';
import { readShortForm, type ShortFormProblems } from './short-form';

const DAY = 24 * 60 * 60_000;
/** Pairs that ended this long ago or less get their exit surveys; older ones are left. */
const SEND_WITHIN_MS = 14 * DAY;
/** An exit survey is offered this long after it was sent. */
export const EXIT_SURVEY_OPEN_DAYS = 30;

/**
 * Sends an exit survey to each person still taking part in a pair that ended (early or
 * completed, with its reason recorded) in the last two weeks: once per pair and person even
 * when two processes run at once, as check-ins are (check-in-schedule.ts).
 */
export async function sendExitSurveys(db: Db, origin: string, now = Date.now()): Promise<number> {
	const ended = await pairsToMessage(db)
		.where('pairs.status', 'in', FINAL_PAIR_STATUSES)
		.where('pairs.closure_reason', 'is not', null)
		.where('pairs.updated_at', '>', now - SEND_WITHIN_MS)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('exit_surveys').select('id').whereRef('exit_surveys.pair_id', '=', 'pairs.id')
				)
			)
		)
		.execute();
	let sent = 0;
	for (const pair of ended) {
		const sending = sendingOf(pair, origin);
		for (const person of activePeopleOf(pair)) {
			const claimed = await sendOnce(
				db,
				(tx) =>
					tx
						.insertInto('exit_surveys')
						.values({
							id: generateId(),
							organization_id: pair.organization_id,
							program_id: pair.program_id,
							pair_id: pair.id,
							participant_id: person.id,
							role: person.role,
							created_at: now,
							answered_at: null,
							met_expectations: null,
							helped_most: null
						})
						.onConflict((oc) => oc.doNothing())
						.executeTakeFirst(),
				'exit_survey',
				sending,
				person
			);
			if (claimed) sent += 1;
		}
	}
	return sent;
}

function ownExitSurveys(db: DbOrTx, participantId: string) {
	return db
		.selectFrom('exit_surveys')
		.innerJoin('pairs', 'pairs.id', 'exit_surveys.pair_id')
		.innerJoin('participants as partner', (join) =>
			join.on((eb) => eb('partner.id', '=', partnerIdOf('exit_surveys')))
		)
		.selectAll('exit_surveys')
		.select('partner.name as partnerName')
		.where('exit_surveys.participant_id', '=', participantId);
}

/** A person's exit surveys still to answer, sent in the last EXIT_SURVEY_OPEN_DAYS days. */
export async function openExitSurveys(
	db: DbOrTx,
	participant: Pick<Participant, 'id'>,
	now = Date.now()
): Promise<OwnExitSurvey[]> {
	return ownExitSurveys(db, participant.id)
		.where('exit_surveys.answered_at', 'is', null)
		.where('exit_surveys.created_at', '>', now - EXIT_SURVEY_OPEN_DAYS * DAY)
		.orderBy('exit_surveys.created_at', 'desc')
		.execute();
}

export type OwnExitSurvey = ExitSurvey & { partnerName: string };

/** This person's exit survey, or null: another person's is a 404. */
export async function findOwnExitSurvey(
	db: DbOrTx,
	participantId: string,
	exitSurveyId: string
): Promise<OwnExitSurvey | null> {
	return (
		(await ownExitSurveys(db, participantId)
			.where('exit_surveys.id', '=', exitSurveyId)
			.executeTakeFirst()) ?? null
	);
}

const required = () => m.p_checkin_required();

const exitForm = z.object({
	met_expectations: z.coerce
		.number({ error: required })
		.int({ error: required })
		.min(1, { error: required })
		.max(5, { error: required }),
	helped_most: z.enum(HELPED_MOST, { error: required })
});

/**
 * Records an exit survey's two answers, both required; a sent one is never changed. Returns the
 * problems with what was typed, or null once sent or when it was already sent.
 */
export async function answerExitSurvey(
	db: DbOrTx,
	survey: Pick<ExitSurvey, 'id'>,
	data: FormData,
	now = Date.now()
): Promise<ShortFormProblems | null> {
	const form = readShortForm(data, ['met_expectations', 'helped_most'], exitForm);
	if (!form.ok) return { values: form.values, errors: form.errors };
	await db
		.updateTable('exit_surveys')
		.set({ ...form.answers, answered_at: now })
		.where('id', '=', survey.id)
		.where('answered_at', 'is', null)
		.execute();
	return null;
}

/** What each side of a pair said in its exit survey, for the pair's page. */
export async function pairExitAnswers(db: DbOrTx, pairId: string): Promise<ExitSurvey[]> {
	return db
		.selectFrom('exit_surveys')
		.selectAll()
		.where('pair_id', '=', pairId)
		.orderBy('role')
		.execute();
}
