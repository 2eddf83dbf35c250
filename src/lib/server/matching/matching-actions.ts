import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { isPageOpening } from '../audit/page-opening';
import { getDb } from '../db';
import type { Program, StaffUserRow } from '../db/schema';
import { redirectWithFlash } from '../flash/flash';
import { checkedPairs, lockCommand } from '../forms/matching-form';
import { createSuggestedPairs } from '../pairs/pair-actions';
import { removeMatchLock, setMatchLock } from './match-locks';

type Staffed = { staff: StaffUserRow; program: Program };

async function formOf(event: RequestEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch {
		error(400, 'Bad request');
	}
}

/** Creates the checked suggestions; back to the overview when all were made. */
export async function acceptSuggestions(event: RequestEvent, { staff, program }: Staffed) {
	const chosen = checkedPairs(await formOf(event));
	if (chosen.length === 0) return fail(400, { errors: { form: m.matching_none_checked() } });
	const results = await createSuggestedPairs(
		getDb(),
		staff,
		program,
		chosen.map((c) => ({ ...c, employerId: null, coordinatorId: null })),
		event.getClientAddress()
	);
	const refused = results.filter((r) => !r.ok).length;
	if (refused > 0)
		redirectWithFlash(event.cookies, `/programs/${program.id}/matching`, {
			kind: 'matching_some_refused',
			count: refused
		});
	redirectWithFlash(event.cookies, `/programs/${program.id}`, {
		kind: 'matching_created',
		count: results.length
	});
}

/** Sets or removes a lock, then shows the suggestions made again (`back` is where from). */
export async function changeLock(event: RequestEvent, { staff, program }: Staffed, back: string) {
	const command = lockCommand(await formOf(event));
	if (!command) error(400, 'Bad request');
	const db = getDb();
	const ip = event.getClientAddress();
	const pair = { mentorId: command.mentorId, protegeId: command.protegeId };
	const done =
		command.kind === 'remove'
			? await removeMatchLock(db, staff, program, pair, ip)
			: await setMatchLock(db, staff, program, pair, command.kind, ip);
	if (!done) error(404, 'Not found');
	redirectWithFlash(event.cookies, back, {
		kind: command.kind === 'remove' ? 'matching_lock_removed' : 'matching_lock_saved'
	});
}

/**
 * A matching page quotes people's answers: when a staff member opens one (not on a reload after
 * its own form), the audit log keeps who looked, at which program or protégé, and how many
 * suggestions it showed.
 */
export async function recordMatchingViewed(
	event: RequestEvent,
	staff: StaffUserRow,
	target: { type: 'program' | 'participant'; id: string },
	suggested: number
): Promise<void> {
	if (!isPageOpening(event)) return;
	await recordAudit(getDb(), {
		organizationId: staff.organization_id,
		actorStaffId: staff.id,
		action: 'matching.viewed',
		targetType: target.type,
		targetId: target.id,
		detail: { suggested },
		ip: event.getClientAddress()
	});
}
