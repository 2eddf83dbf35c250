/**
 * Why a pair ended, as coordinators record it and funders count it: the pair completed the
 * program; the protégé found work, in their field or not; someone moved away; contact stopped;
 * expectations did not match; personal reasons; someone stopped taking part (recorded by Tandem
 * when a person withdraws); other.
 */
export const CLOSURE_REASONS = [
	'completed',
	'work_in_field',
	'work_other_field',
	'moved_away',
	'no_contact',
	'mismatch',
	'personal',
	'withdrew',
	'other'
] as const;

export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** The reasons a coordinator chooses from (a withdrawal is recorded by Tandem itself). */
export const CHOSEN_CLOSURE_REASONS = CLOSURE_REASONS.filter((reason) => reason !== 'withdrew');
