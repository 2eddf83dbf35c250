import { addDays, todayIn } from '$lib/time/days';
import type { Db, DbOrTx } from '../db';
import type { Program, Round } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { issueParticipantLink, linkExpiry } from '../auth/participant-links';
import type { Actor } from '../instruments/instruments';
import { composeMessage } from '../mail/compose';
import { enqueueMessage } from '../mail/outbox';
import { roundState } from './round-state';

interface Recipient {
	participantId: string;
	name: string;
	email: string;
	language: string;
	assignmentIds: string[];
	/** When this person was first invited to the round, or else added to it (epoch ms). */
	askedAt: number;
}

/** No reminder reaches anyone within a day of being invited. */
export const REMINDER_QUIET_MS = 24 * 60 * 60_000;

/** Active people of the round who have not sent every survey of it: one entry per person. */
async function waitingRecipients(db: DbOrTx, roundId: string): Promise<Recipient[]> {
	const [rows, invitations] = await Promise.all([
		db
			.selectFrom('assignments')
			.innerJoin('participants', 'participants.id', 'assignments.participant_id')
			.select([
				'assignments.id',
				'assignments.created_at',
				'participants.id as participantId',
				'participants.name',
				'participants.email',
				'participants.language'
			])
			.where('assignments.round_id', '=', roundId)
			.where('assignments.status', '!=', 'submitted')
			.where('participants.status', '=', 'active')
			.execute(),
		db
			.selectFrom('outbox')
			.select(['participant_id', (eb) => eb.fn.min<number>('created_at').as('invited_at')])
			.where('round_id', '=', roundId)
			.where('kind', '=', 'invitation')
			.groupBy('participant_id')
			.execute()
	]);
	const invitedAt = new Map(invitations.map((i) => [i.participant_id, Number(i.invited_at)]));
	const people = new Map<string, Recipient>();
	for (const row of rows) {
		const person = people.get(row.participantId) ?? {
			participantId: row.participantId,
			name: row.name,
			email: row.email,
			language: row.language,
			assignmentIds: [],
			askedAt: invitedAt.get(row.participantId) ?? row.created_at
		};
		person.assignmentIds.push(row.id);
		if (!invitedAt.has(row.participantId))
			person.askedAt = Math.min(person.askedAt, row.created_at);
		people.set(row.participantId, person);
	}
	return [...people.values()];
}

/** Reminders wait a day after someone's invitation, whoever or whatever sends them. */
const remindable = (person: Recipient, now: number) => now - person.askedAt >= REMINDER_QUIET_MS;

interface RoundContext {
	round: Round;
	program: Program;
	organizationName: string;
	timeZone: string;
	origin: string;
}

async function context(db: DbOrTx, round: Round, origin: string): Promise<RoundContext> {
	const program = await db
		.selectFrom('programs')
		.selectAll()
		.where('id', '=', round.program_id)
		.executeTakeFirstOrThrow();
	const organization = await db
		.selectFrom('organizations')
		.select(['name', 'time_zone'])
		.where('id', '=', round.organization_id)
		.executeTakeFirstOrThrow();
	return {
		round,
		program,
		organizationName: organization.name,
		timeZone: organization.time_zone,
		origin
	};
}

/** Every message carries a fresh personal link; the token lives only in the undelivered message. */
async function enqueueFor(
	db: DbOrTx,
	kind: 'invitation' | 'reminder',
	ctx: RoundContext,
	person: Recipient,
	createdBy: string | null
): Promise<void> {
	const token = await issueParticipantLink(
		db,
		person.participantId,
		linkExpiry(ctx.program, ctx.timeZone),
		createdBy
	);
	const { subject, body } = composeMessage({
		kind,
		language: person.language,
		name: person.name,
		program: ctx.program.name,
		organization: ctx.organizationName,
		link: `${ctx.origin}/l/${token}`,
		closesOn: ctx.round.closes_on
	});
	await enqueueMessage(db, {
		organizationId: ctx.round.organization_id,
		participantId: person.participantId,
		roundId: ctx.round.id,
		kind,
		to: person.email,
		subject,
		body
	});
}

/**
 * Queues one message per waiting person: invitations go only to people not invited to this
 * round yet; a reminder "now", outside the schedule, goes to everyone who has not answered and
 * was invited more than a day ago.
 */
async function queueForWaiting(
	db: Db,
	actor: Actor,
	round: Round,
	kind: 'invitation' | 'reminder',
	origin: string,
	ip: string | null,
	now = Date.now()
): Promise<number> {
	return db.transaction().execute(async (tx) => {
		let people = await waitingRecipients(tx, round.id);
		if (kind === 'invitation') {
			const invited = await tx
				.selectFrom('outbox')
				.select('participant_id')
				.where('round_id', '=', round.id)
				.where('kind', '=', 'invitation')
				.execute();
			const already = new Set(invited.map((r) => r.participant_id));
			people = people.filter((p) => !already.has(p.participantId));
		} else {
			people = people.filter((p) => remindable(p, now));
		}
		const ctx = await context(tx, round, origin);
		for (const person of people) await enqueueFor(tx, kind, ctx, person, actor.id);
		await recordAudit(tx, {
			organizationId: actor.organization_id,
			actorStaffId: actor.id,
			action: kind === 'invitation' ? 'round.invitations_sent' : 'round.reminders_sent',
			targetType: 'round',
			targetId: round.id,
			detail: { count: people.length },
			ip
		});
		return people.length;
	});
}

export function sendInvitations(
	db: Db,
	actor: Actor,
	round: Round,
	origin: string,
	ip: string | null
): Promise<number> {
	return queueForWaiting(db, actor, round, 'invitation', origin, ip);
}

export function sendRemindersNow(
	db: Db,
	actor: Actor,
	round: Round,
	origin: string,
	ip: string | null,
	now = Date.now()
): Promise<number> {
	return queueForWaiting(db, actor, round, 'reminder', origin, ip, now);
}

/**
 * The reminder steps of a round due by `today` for someone asked on `askedOn`: offsets count
 * from the day they were invited (the opening day for everyone invited then, a later day for
 * latecomers), negative ones back from the closing day.
 */
export function dueSteps(
	round: Pick<Round, 'opens_on' | 'closes_on' | 'reminder_days'>,
	today: string,
	askedOn: string = round.opens_on
): number[] {
	const days = JSON.parse(round.reminder_days) as number[];
	const from = askedOn > round.opens_on ? askedOn : round.opens_on;
	return days.flatMap((offset, step) =>
		addDays(offset >= 0 ? from : round.closes_on, offset) <= today ? [step] : []
	);
}

/**
 * Sends each due reminder step at most once per assignment, even when two processes run at
 * once (the server's scheduler and `npm run reminders`): each person's (assignment, step) rows
 * are claimed by the first statement of a short write transaction, and only the claimer sends.
 */
export async function runScheduledReminders(
	db: Db,
	origin: string,
	now = Date.now()
): Promise<number> {
	// Every zone's today lies within a day of UTC's: the query keeps a wide window, the zone decides.
	const utcToday = todayIn('UTC', now);
	const rows = await db
		.selectFrom('rounds')
		.innerJoin('organizations', 'organizations.id', 'rounds.organization_id')
		.selectAll('rounds')
		.select('organizations.time_zone')
		.where('rounds.closed_at', 'is', null)
		.where('rounds.opens_on', '<=', addDays(utcToday, 1))
		.where('rounds.closes_on', '>=', addDays(utcToday, -1))
		.execute();
	let sent = 0;
	for (const { time_zone, ...round } of rows) {
		const today = todayIn(time_zone, now);
		if (roundState(round, today) !== 'open') continue;
		if (dueSteps(round, today).length === 0) continue;
		const ctx = await context(db, round, origin);
		for (const person of await waitingRecipients(db, round.id)) {
			if (!remindable(person, now)) continue;
			const steps = dueSteps(round, today, todayIn(time_zone, person.askedAt));
			if (steps.length === 0) continue;
			const claims = person.assignmentIds.flatMap((assignment_id) =>
				steps.map((step) => ({ assignment_id, step, sent_at: now }))
			);
			const claimed = await db.transaction().execute(async (tx) => {
				const result = await tx
					.insertInto('reminder_sends')
					.values(claims)
					.onConflict((oc) => oc.doNothing())
					.executeTakeFirst();
				if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
				await enqueueFor(tx, 'reminder', ctx, person, null);
				return true;
			});
			if (claimed) sent += 1;
		}
	}
	return sent;
}
