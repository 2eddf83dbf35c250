import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { mailerFromEnv } from '$lib/server/mail/deliver';
import { listOutbox } from '$lib/server/mail/outbox';
import { reserveAttempt } from '$lib/server/auth/attempt-limit';
import { MAIL_SENDS_BY_STAFF } from '$lib/server/mail/send-limit';
import { sendInvitations, sendRemindersNow } from '$lib/server/rounds/messaging';
import { getDb } from '$lib/server/db';
import { redirectWithFlash } from '$lib/server/flash/flash';
import { readFormData } from '$lib/server/instruments/edit-action';
import { requireProgram } from '$lib/server/programs/access';
import { holdSheetKey, makeLinkSheet, sheetPath } from '$lib/server/rounds/link-sheets';
import { roundProgress } from '$lib/server/rounds/round-progress';
import { organizationTimeZone } from '$lib/server/organizations/time-zone';
import { roundStateAt } from '$lib/server/rounds/round-state';
import { addLatecomers, closeRound, findRound } from '$lib/server/rounds/rounds';

async function requireRound(event: RequestEvent<{ programId: string; roundId: string }>) {
	const { staff, program } = await requireProgram(event);
	const round = await findRound(getDb(), staff.organization_id, program.id, event.params.roundId);
	if (!round) error(404, 'Not found');
	return { staff, program, round };
}

export async function load(event) {
	const { staff, round } = await requireRound(event);
	const db = getDb();
	const [outbox, zone] = await Promise.all([
		listOutbox(db, staff.organization_id, round.id),
		organizationTimeZone(db, staff.organization_id)
	]);
	const mine = await db
		.selectFrom('assignments')
		.select('status')
		.where('round_id', '=', round.id)
		.where('staff_id', '=', staff.id)
		.executeTakeFirst();
	return {
		outbox: outbox.map((o) => ({
			id: o.id,
			to: o.to_address,
			kind: o.kind,
			status: o.status,
			attempts: o.attempts,
			error: o.last_error,
			subject: o.subject,
			body: o.body
		})),
		smtp: mailerFromEnv() !== null,
		myStatus: mine?.status ?? null,
		round: {
			id: round.id,
			wave: round.wave,
			opensOn: round.opens_on,
			closesOn: round.closes_on,
			state: roundStateAt(round, zone)
		},
		progress: await roundProgress(getDb(), round.id),
		confirmClose: event.url.searchParams.get('confirm') === 'close'
	};
}

async function sendMail(
	event: RequestEvent<{ programId: string; roundId: string }>,
	kind: 'invitations' | 'reminders'
) {
	const { staff, round } = await requireRound(event);
	const sending = await reserveAttempt(getDb(), MAIL_SENDS_BY_STAFF, staff.id);
	if (!sending.allowed) return fail(429, { mailLimited: Math.ceil(sending.retryAfterMs / 60_000) });
	const send = kind === 'invitations' ? sendInvitations : sendRemindersNow;
	const count = await send(getDb(), staff, round, event.url.origin, event.getClientAddress());
	redirectWithFlash(event.cookies, roundPath(event), {
		kind: kind === 'invitations' ? 'invitations_queued' : 'reminders_queued',
		count
	});
}

const roundPath = (event: RequestEvent<{ programId: string; roundId: string }>) =>
	`/programs/${event.params.programId}/rounds/${event.params.roundId}`;

export const actions = {
	links: async (event) => {
		const { staff, program, round } = await requireRound(event);
		const chosen = (await readFormData(event.request))
			.getAll('participantId')
			.map(String)
			.slice(0, 5000);
		if (chosen.length === 0) return fail(400, { noneChosen: true });
		const made = await makeLinkSheet(
			getDb(),
			staff,
			program,
			round,
			chosen,
			event.url.origin,
			event.getClientAddress()
		);
		const path = sheetPath(program.id, round.id, made.sheetId);
		holdSheetKey(event.cookies, event.url, path, made);
		redirectWithFlash(event.cookies, path, { kind: 'links_made', count: made.count });
	},
	latecomers: async (event) => {
		const { staff, program, round } = await requireRound(event);
		const count = await addLatecomers(getDb(), staff, program, round, event.getClientAddress());
		redirectWithFlash(event.cookies, roundPath(event), { kind: 'latecomers_added', count });
	},
	invite: (event) => sendMail(event, 'invitations'),
	remind: (event) => sendMail(event, 'reminders'),
	close: async (event) => {
		const { staff, round } = await requireRound(event);
		// Closing cannot be undone: the form says what it does and asks to confirm it.
		const confirmed = (await readFormData(event.request)).get('confirmed') === 'yes';
		if (!confirmed) return fail(400, { confirmClose: true });
		await closeRound(getDb(), staff, round, event.getClientAddress());
		redirectWithFlash(event.cookies, roundPath(event), { kind: 'round_closed' });
	}
};
