import { redirect, type Cookies } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

/**
 * "Done" messages after an action that changed something. The action redirects (so a reload does
 * not send the form again) and leaves the message's name in a short-lived cookie; the next page
 * shows it once, in the reader's language, and removes the cookie.
 */
const FLASH_COOKIE = 'tandem_flash';

const FLASH_MESSAGES = {
	pair_created: () => m.pair_created(),
	participant_added: () => m.participant_added(),
	participants_imported: (count: number) => m.flash_participants_imported({ count })
} as const;

export type Flash =
	| { kind: 'pair_created' }
	| { kind: 'participant_added' }
	| { kind: 'participants_imported'; count: number };

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
	try {
		const flash = JSON.parse(stored) as Flash;
		if (flash.kind === 'participants_imported')
			return Number.isInteger(flash.count)
				? FLASH_MESSAGES.participants_imported(flash.count)
				: null;
		if (flash.kind === 'pair_created' || flash.kind === 'participant_added')
			return FLASH_MESSAGES[flash.kind]();
		return null;
	} catch {
		return null;
	}
}
