import { redirect, type Cookies } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

/**
 * "Done" messages after an action that changed something. The action redirects (so a reload does
 * not send the form again) and leaves the message's name, and a count where it has one, in a
 * short-lived cookie; the next page shows it once, in the reader's language, and removes it.
 */
const FLASH_COOKIE = 'tandem_flash';

/** After a change in the survey editor; the outline opens where the change was made. */
const INSTRUMENT_MESSAGES = {
	instrument_published: () => m.published_notice(),
	topic_added: () => m.flash_topic_added(),
	topic_saved: () => m.flash_topic_saved(),
	topic_moved: () => m.flash_topic_moved(),
	topic_removed: () => m.flash_topic_removed(),
	item_added: () => m.flash_item_added(),
	item_saved: () => m.flash_item_saved(),
	item_moved: () => m.flash_item_moved(),
	item_removed: () => m.flash_item_removed(),
	language_added: () => m.flash_language_added()
} satisfies Record<string, () => string>;

export type InstrumentFlashKind = keyof typeof INSTRUMENT_MESSAGES;

const MESSAGES = {
	...INSTRUMENT_MESSAGES,
	program_created: () => m.program_created(),
	program_saved: () => m.program_saved(),
	pair_created: () => m.pair_created(),
	pair_status_changed: () => m.pair_status_changed(),
	note_added: () => m.note_added(),
	follow_up_added: () => m.follow_up_added(),
	follow_up_done: () => m.follow_up_marked_done(),
	follow_up_reopened: () => m.follow_up_reopened(),
	participant_added: () => m.participant_added(),
	participant_saved: () => m.participant_saved(),
	participant_links_revoked: () => m.participant_links_revoked(),
	participant_withdrawn: () => m.participant_withdrawn(),
	round_closed: () => m.round_closed_notice(),
	employer_saved: () => m.employer_saved(),
	staff_saved: () => m.staff_updated(),
	staff_two_factor_reset: () => m.staff_security_reset_done(),
	staff_signed_out: () => m.staff_security_end_done(),
	two_factor_policy_saved: () => m.security_saved(),
	retention_saved: () => m.privacy_retention_saved(),
	time_zone_saved: () => m.time_zone_saved(),
	password_changed: () => m.account_password_changed(),
	session_ended: () => m.sessions_ended_one(),
	other_sessions_ended: () => m.sessions_ended_others(),
	two_factor_turned_off: () => m.two_factor_turned_off(),
	matching_lock_saved: () => m.matching_lock_saved(),
	matching_lock_removed: () => m.matching_lock_removed()
} satisfies Record<string, () => string>;

const COUNTED_MESSAGES = {
	participants_imported: (count: number) => m.flash_participants_imported({ count }),
	round_opened: (count: number) => m.round_opened_notice({ count }),
	latecomers_added: (count: number) => m.round_latecomers_added({ count }),
	invitations_queued: (count: number) => m.round_invitations_queued({ count }),
	reminders_queued: (count: number) => m.round_reminders_queued({ count }),
	links_made: (count: number) => m.flash_links_made({ count }),
	matching_created: (count: number) => m.matching_created({ count }),
	matching_some_refused: (count: number) => m.matching_some_refused({ count })
} satisfies Record<string, (count: number) => string>;

export type Flash =
	{ kind: keyof typeof MESSAGES } | { kind: keyof typeof COUNTED_MESSAGES; count: number };

export function redirectWithFlash(cookies: Cookies, location: string, flash: Flash): never {
	cookies.set(FLASH_COOKIE, JSON.stringify(flash), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: 60
	});
	redirect(303, location);
}

/** The waiting message in words, once; anything unreadable is dropped. */
export function takeFlash(cookies: Cookies): string | null {
	const stored = cookies.get(FLASH_COOKIE);
	if (stored === undefined) return null;
	cookies.delete(FLASH_COOKIE, { path: '/' });
	let flash: { kind?: unknown; count?: unknown };
	try {
		flash = JSON.parse(stored);
	} catch {
		return null;
	}
	const kind = String(flash?.kind);
	if (Object.hasOwn(MESSAGES, kind)) return MESSAGES[kind as keyof typeof MESSAGES]();
	if (Object.hasOwn(COUNTED_MESSAGES, kind) && Number.isSafeInteger(flash.count))
		return COUNTED_MESSAGES[kind as keyof typeof COUNTED_MESSAGES](flash.count as number);
	return null;
}
