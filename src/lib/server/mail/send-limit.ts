import { SlidingWindowLimit } from '../auth/throttle';

/** Anything that sends mail: at most 10 sends an hour per staff member. */
export const mailSendLimit = new SlidingWindowLimit(10, 60 * 60_000);
