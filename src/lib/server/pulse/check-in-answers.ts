import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { DbOrTx } from '../db';
import { partnerIdOf } from './partner';
import type { Participant, PulseCheckIn } from '../db/schema';
import { readShortForm, type ShortFormProblems } from './short-form';

/** A check-in this long after it was sent is no longer offered: the next one asks again. */
export const CHECK_IN_OPEN_DAYS = 30;

/** A check-in waiting for its person's answers, with the partner it is about. */
export interface OpenCheckIn {
	id: string;
	partnerName: string;
	dueOn: string;
}

function ownCheckIns(db: DbOrTx, participantId: string) {
	return db
		.selectFrom('pulse_check_ins')
		.innerJoin('pairs', 'pairs.id', 'pulse_check_ins.pair_id')
		.innerJoin('participants as partner', (join) =>
			join.on((eb) => eb('partner.id', '=', partnerIdOf('pulse_check_ins')))
		)
		.selectAll('pulse_check_ins')
		.select(['partner.name as partnerName', 'pairs.status as pairStatus'])
		.where('pulse_check_ins.participant_id', '=', participantId);
}

/**
 * A person's check-ins still to answer: the latest step of each running pair of theirs, sent
 * in the last CHECK_IN_OPEN_DAYS days.
 */
export async function openCheckIns(
	db: DbOrTx,
	participant: Pick<Participant, 'id'>,
	now = Date.now()
): Promise<OpenCheckIn[]> {
	const rows = await ownCheckIns(db, participant.id)
		.where('pulse_check_ins.answered_at', 'is', null)
		.where('pairs.status', '=', 'active')
		.where('pulse_check_ins.created_at', '>', now - CHECK_IN_OPEN_DAYS * 24 * 60 * 60_000)
		.orderBy('pulse_check_ins.step', 'desc')
		.execute();
	const latestByPair = new Map<string, (typeof rows)[number]>();
	for (const row of rows) if (!latestByPair.has(row.pair_id)) latestByPair.set(row.pair_id, row);
	return [...latestByPair.values()].map((row) => ({
		id: row.id,
		partnerName: row.partnerName,
		dueOn: row.due_on
	}));
}

export type OwnCheckIn = PulseCheckIn & { partnerName: string; pairStatus: string };

/** This person's check-in, or null: another person's is a 404. */
export async function findOwnCheckIn(
	db: DbOrTx,
	participantId: string,
	checkInId: string
): Promise<OwnCheckIn | null> {
	return (
		(await ownCheckIns(db, participantId)
			.where('pulse_check_ins.id', '=', checkInId)
			.executeTakeFirst()) ?? null
	);
}

const yesNo = () =>
	z
		.enum(['yes', 'no'], { error: () => m.p_checkin_required() })
		.transform((v) => (v === 'yes' ? 1 : 0));

const checkInForm = z.object({
	in_touch: yesNo(),
	going: z.coerce
		.number({ error: () => m.p_checkin_required() })
		.int({ error: () => m.p_checkin_required() })
		.min(1, { error: () => m.p_checkin_required() })
		.max(5, { error: () => m.p_checkin_required() }),
	wants_contact: yesNo()
});

/**
 * Records a check-in's three answers, all required; an answered check-in is never changed (its
 * answers are evidence the pair was assessed from). Returns the problems, or null once sent or
 * when it was already sent.
 */
export async function answerCheckIn(
	db: DbOrTx,
	checkIn: Pick<PulseCheckIn, 'id'>,
	data: FormData,
	now = Date.now()
): Promise<ShortFormProblems | null> {
	const form = readShortForm(data, ['in_touch', 'going', 'wants_contact'], checkInForm);
	if (!form.ok) return { values: form.values, errors: form.errors };
	await db
		.updateTable('pulse_check_ins')
		.set({ ...form.answers, answered_at: now })
		.where('id', '=', checkIn.id)
		.where('answered_at', 'is', null)
		.execute();
	return null;
}
