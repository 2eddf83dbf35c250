import { dueCheckIn } from '$lib/pulse/schedule';
import { dateIn, todayIn } from '$lib/time/days';
import type { Db, DbOrTx } from '../db';
import { activePeopleOf, pairsToMessage, sendingOf, sendOnce } from './pair-mail';
import { generateId } from '../util/ids';

/** A check-in not answered this long after it was sent is reminded once. */
export const CHECK_IN_REMINDER_AFTER_MS = 3 * 24 * 60 * 60_000;
/** Past this, an unanswered check-in is left: the next step will ask again. */
const CHECK_IN_REMINDER_UNTIL_MS = 14 * 24 * 60 * 60_000;

/** Active pairs of active programs that send check-ins, with both people and where they work. */
function runningPairs(db: DbOrTx) {
	return pairsToMessage(db)
		.select(['programs.checkin_first_days', 'programs.checkin_every_days'])
		.where('pairs.status', '=', 'active')
		.where('programs.status', '=', 'active')
		.where('programs.checkin_first_days', 'is not', null)
		.execute();
}

/**
 * Makes each pair's check-in step that has fallen due (from the day the pair started, in its
 * organization's time zone) for both its people, and queues each its message with a fresh
 * personal link. A step is made and sent once per person even when two processes run at once
 * (the server's scheduler and `npm run reminders`): the row is unique per pair, person and
 * step, and only the process whose insert made it sends.
 */
export async function sendDueCheckIns(db: Db, origin: string, now = Date.now()): Promise<number> {
	const pairs = await runningPairs(db);
	if (pairs.length === 0) return 0;
	const made = await db
		.selectFrom('pulse_check_ins')
		.select(['pair_id', (eb) => eb.fn.max<number>('step').as('step')])
		.where('program_id', 'in', [...new Set(pairs.map((p) => p.program_id))])
		.groupBy('pair_id')
		.execute();
	const latestMade = new Map(made.map((row) => [row.pair_id, Number(row.step)]));
	let sent = 0;
	for (const pair of pairs) {
		const today = todayIn(pair.time_zone, now);
		const plan = { firstDays: pair.checkin_first_days!, everyDays: pair.checkin_every_days };
		const due = dueCheckIn(dateIn(pair.created_at, pair.time_zone), pair.end_date, plan, today);
		if (!due || (latestMade.get(pair.id) ?? -1) >= due.step) continue;
		const sending = sendingOf(pair, origin);
		for (const person of activePeopleOf(pair)) {
			const claimed = await sendOnce(
				db,
				(tx) =>
					tx
						.insertInto('pulse_check_ins')
						.values({
							id: generateId(),
							organization_id: pair.organization_id,
							program_id: pair.program_id,
							pair_id: pair.id,
							participant_id: person.id,
							role: person.role,
							step: due.step,
							due_on: due.dueOn,
							created_at: now,
							reminded_at: null,
							answered_at: null,
							in_touch: null,
							going: null,
							wants_contact: null
						})
						.onConflict((oc) => oc.doNothing())
						.executeTakeFirst(),
				'check_in',
				sending,
				person
			);
			if (claimed) sent += 1;
		}
	}
	return sent;
}

/**
 * Reminds, once, each person whose check-in has waited three days unanswered (and not more
 * than two weeks: by then the next step is near), while their pair still runs. The reminder is
 * claimed by marking the check-in, so two processes send it once.
 */
export async function remindCheckIns(db: Db, origin: string, now = Date.now()): Promise<number> {
	const waiting = await db
		.selectFrom('pulse_check_ins')
		.innerJoin('pairs', 'pairs.id', 'pulse_check_ins.pair_id')
		.innerJoin('programs', 'programs.id', 'pulse_check_ins.program_id')
		.innerJoin('organizations', 'organizations.id', 'pulse_check_ins.organization_id')
		.innerJoin('participants', 'participants.id', 'pulse_check_ins.participant_id')
		.select([
			'pulse_check_ins.id',
			'pulse_check_ins.organization_id',
			'programs.name as programName',
			'programs.end_date',
			'programs.followup_months',
			'organizations.name as organizationName',
			'organizations.time_zone',
			'participants.id as participantId',
			'participants.name',
			'participants.email',
			'participants.language'
		])
		.where('pulse_check_ins.answered_at', 'is', null)
		.where('pulse_check_ins.reminded_at', 'is', null)
		.where('pulse_check_ins.created_at', '<=', now - CHECK_IN_REMINDER_AFTER_MS)
		.where('pulse_check_ins.created_at', '>', now - CHECK_IN_REMINDER_UNTIL_MS)
		.where('pairs.status', '=', 'active')
		.where('participants.status', '=', 'active')
		.execute();
	let sent = 0;
	for (const row of waiting) {
		const sending = sendingOf(row, origin);
		const person = {
			id: row.participantId,
			name: row.name,
			email: row.email,
			language: row.language
		};
		const claimed = await sendOnce(
			db,
			(tx) =>
				tx
					.updateTable('pulse_check_ins')
					.set({ reminded_at: now })
					.where('id', '=', row.id)
					.where('reminded_at', 'is', null)
					.where('answered_at', 'is', null)
					.executeTakeFirst(),
			'check_in_reminder',
			sending,
			person
		);
		if (claimed) sent += 1;
	}
	return sent;
}
