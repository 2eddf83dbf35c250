import {
	dueFollowUp,
	followUpMonthsOf,
	MAX_FOLLOW_UP_MONTHS,
	SEND_WITHIN_DAYS
} from '$lib/outcomes/follow-ups';
import { addDays, addMonths, todayIn } from '$lib/time/days';
import type { Db, DbOrTx } from '../db';
import { activePeopleOf, pairsToMessage, sendingOf, sendOnce } from '../pulse/pair-mail';
import { generateId } from '../util/ids';

const DAY_MS = 24 * 60 * 60_000;
/** A follow-up not answered this long after it was sent is reminded once. */
export const FOLLOW_UP_REMINDER_AFTER_MS = 7 * DAY_MS;
/** Past this, an unanswered follow-up is left. */
const FOLLOW_UP_REMINDER_UNTIL_MS = 30 * DAY_MS;

/**
 * Pairs of programs that ended within the longest follow-up period, each a protégé's last pair in
 * its program (a pair followed by a re-match is left: the protégé's outcome is asked once), with
 * both people and where they belong.
 */
function pairsAfterTheirProgram(db: DbOrTx, now: number) {
	const today = todayIn('UTC', now);
	const earliestEnd = addDays(addMonths(today, -MAX_FOLLOW_UP_MONTHS), -SEND_WITHIN_DAYS - 1);
	return pairsToMessage(db)
		.where('programs.end_date', '<', addDays(today, 1))
		.where('programs.end_date', '>=', earliestEnd)
		.where('programs.followup_months', '!=', '[]')
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('pairs as later')
						.select('later.id')
						.whereRef('later.follows_pair_id', '=', 'pairs.id')
				)
			)
		)
		.execute();
}

/**
 * Makes each pair's follow-up step that has fallen due (months after its program's end, in its
 * organization's time zone) for each of its people still taking part, and queues their message
 * with a fresh personal link (valid through the program's last follow-up). Once per pair, person
 * and step even when two processes run at once: only the process whose insert made the row sends.
 */
export async function sendDueFollowUps(db: Db, origin: string, now = Date.now()): Promise<number> {
	const pairs = await pairsAfterTheirProgram(db, now);
	if (pairs.length === 0) return 0;
	const made = await db
		.selectFrom('outcome_follow_ups')
		.select(['pair_id', 'months'])
		.where('program_id', 'in', [...new Set(pairs.map((p) => p.program_id))])
		.execute();
	const done = new Set(made.map((row) => `${row.pair_id}:${row.months}`));
	let sent = 0;
	for (const pair of pairs) {
		const due = dueFollowUp(
			pair.end_date,
			followUpMonthsOf(pair.followup_months),
			todayIn(pair.time_zone, now)
		);
		if (!due || done.has(`${pair.id}:${due.months}`)) continue;
		const sending = sendingOf(pair, origin);
		for (const person of activePeopleOf(pair)) {
			const claimed = await sendOnce(
				db,
				(tx) =>
					tx
						.insertInto('outcome_follow_ups')
						.values({
							id: generateId(),
							organization_id: pair.organization_id,
							program_id: pair.program_id,
							pair_id: pair.id,
							participant_id: person.id,
							role: person.role,
							months: due.months,
							due_on: due.dueOn,
							created_at: now,
							reminded_at: null,
							answered_at: null,
							work: null,
							found_through: null,
							job_title: null,
							in_touch: null
						})
						.onConflict((oc) => oc.doNothing())
						.executeTakeFirst(),
				'follow_up',
				sending,
				person
			);
			if (claimed) sent += 1;
		}
	}
	return sent;
}

/**
 * Reminds, once, each person whose follow-up has waited a week unanswered (and not more than a
 * month). The reminder is claimed by marking the row, so two processes send it once.
 */
export async function remindFollowUps(db: Db, origin: string, now = Date.now()): Promise<number> {
	const waiting = await db
		.selectFrom('outcome_follow_ups')
		.innerJoin('programs', 'programs.id', 'outcome_follow_ups.program_id')
		.innerJoin('organizations', 'organizations.id', 'outcome_follow_ups.organization_id')
		.innerJoin('participants', 'participants.id', 'outcome_follow_ups.participant_id')
		.select([
			'outcome_follow_ups.id',
			'outcome_follow_ups.organization_id',
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
		.where('outcome_follow_ups.answered_at', 'is', null)
		.where('outcome_follow_ups.reminded_at', 'is', null)
		.where('outcome_follow_ups.created_at', '<=', now - FOLLOW_UP_REMINDER_AFTER_MS)
		.where('outcome_follow_ups.created_at', '>', now - FOLLOW_UP_REMINDER_UNTIL_MS)
		.where('participants.status', '=', 'active')
		.execute();
	let sent = 0;
	for (const row of waiting) {
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
					.updateTable('outcome_follow_ups')
					.set({ reminded_at: now })
					.where('id', '=', row.id)
					.where('reminded_at', 'is', null)
					.where('answered_at', 'is', null)
					.executeTakeFirst(),
			'follow_up_reminder',
			sendingOf(row, origin),
			person
		);
		if (claimed) sent += 1;
	}
	return sent;
}
