import type { AttemptLimit } from '../auth/attempt-limit';

/** Anything that sends mail: at most 10 sends an hour per staff member. */
export const MAIL_SENDS_BY_STAFF: AttemptLimit = {
	name: 'mail.sends',
	limit: 10,
	windowMs: 60 * 60_000
};
