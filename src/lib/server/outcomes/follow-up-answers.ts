import { z } from 'zod';
import { EMPLOYED, FOUND_THROUGH, JOB_TITLE_MAX, WORK_STATUSES } from '$lib/outcomes/follow-ups';
import { m } from '$lib/paraglide/messages';
import type { DbOrTx } from '../db';
import type { OutcomeFollowUp, Participant } from '../db/schema';
import { partnerIdOf } from '../pulse/partner';
import { readShortForm, type ShortFormProblems } from '../pulse/short-form';

const DAY_MS = 24 * 60 * 60_000;
/** A follow-up is offered this long after it was sent. */
export const FOLLOW_UP_OPEN_DAYS = 60;

export type OwnFollowUp = OutcomeFollowUp & { partnerName: string };

function ownFollowUps(db: DbOrTx, participantId: string) {
	return db
		.selectFrom('outcome_follow_ups')
		.innerJoin('pairs', 'pairs.id', 'outcome_follow_ups.pair_id')
		.innerJoin('participants as partner', (join) =>
			join.on((eb) => eb('partner.id', '=', partnerIdOf('outcome_follow_ups')))
		)
		.selectAll('outcome_follow_ups')
		.select('partner.name as partnerName')
		.where('outcome_follow_ups.participant_id', '=', participantId);
}

/** A person's follow-ups still to answer, sent in the last FOLLOW_UP_OPEN_DAYS days. */
export async function openFollowUps(
	db: DbOrTx,
	participant: Pick<Participant, 'id'>,
	now = Date.now()
): Promise<OwnFollowUp[]> {
	return ownFollowUps(db, participant.id)
		.where('outcome_follow_ups.answered_at', 'is', null)
		.where('outcome_follow_ups.created_at', '>', now - FOLLOW_UP_OPEN_DAYS * DAY_MS)
		.orderBy('outcome_follow_ups.created_at', 'desc')
		.execute();
}

/** This person's follow-up, or null: another person's is a 404. */
export async function findOwnFollowUp(
	db: DbOrTx,
	participantId: string,
	followUpId: string
): Promise<OwnFollowUp | null> {
	return (
		(await ownFollowUps(db, participantId)
			.where('outcome_follow_ups.id', '=', followUpId)
			.executeTakeFirst()) ?? null
	);
}

const required = () => m.p_checkin_required();

/** A protégé's: their work now (required); how they found it, required when they work; a title. */
const protegeForm = z
	.object({
		work: z.enum(WORK_STATUSES, { error: required }),
		found_through: z.enum(FOUND_THROUGH, { error: required }).optional(),
		job_title: z
			.string()
			.trim()
			.max(JOB_TITLE_MAX, { error: () => m.p_followup_job_title_too_long() })
			.optional()
	})
	.superRefine((answers, ctx) => {
		if (EMPLOYED.includes(answers.work) && !answers.found_through)
			ctx.addIssue({
				code: 'custom',
				path: ['found_through'],
				message: m.p_followup_found_required()
			});
	})
	.transform(({ work, found_through, job_title }) => {
		const employed = EMPLOYED.includes(work);
		return {
			work,
			found_through: employed ? (found_through ?? null) : null,
			job_title: employed ? job_title || null : null
		};
	});

/** A mentor's: still in touch with their mentee. */
const mentorForm = z.object({
	in_touch: z.enum(['yes', 'no'], { error: required }).transform((v) => (v === 'yes' ? 1 : 0))
});

export const PROTEGE_FIELDS = ['work', 'found_through', 'job_title'] as const;

/**
 * Records a follow-up's answers: a protégé's work now (and, at work, how they found it), a
 * mentor's "still in touch". A sent follow-up is never changed. Returns the problems with what
 * was typed, or null once sent or when it was already sent.
 */
export async function answerFollowUp(
	db: DbOrTx,
	followUp: Pick<OutcomeFollowUp, 'id' | 'role'>,
	data: FormData,
	now = Date.now()
): Promise<ShortFormProblems | null> {
	const form =
		followUp.role === 'protege'
			? readShortForm(data, PROTEGE_FIELDS, protegeForm)
			: readShortForm(data, ['in_touch'], mentorForm);
	if (!form.ok) return { values: form.values, errors: form.errors };
	await db
		.updateTable('outcome_follow_ups')
		.set({ ...form.answers, answered_at: now })
		.where('id', '=', followUp.id)
		.where('answered_at', 'is', null)
		.execute();
	return null;
}
