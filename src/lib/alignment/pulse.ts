import type { AssessedReason, PairRole } from './risk';

/** One person's answered pulse check-in: three short answers between the surveys. */
export interface PulseAnswer {
	person: PairRole;
	/** 0 for the first check-in after the pair started, then 1, 2, … */
	step: number;
	/** In touch in the last two weeks; null when not answered. */
	inTouch: boolean | null;
	/** How it is going, 1 (badly) to 5 (very well); null when not answered. */
	going: number | null;
	wantsContact: boolean | null;
	/** When it was answered (ms since the epoch), for comparing with an agreed rhythm. */
	answeredAt?: number;
}

/** "How is it going?" at or under this reads as not going well. */
export const GOING_BADLY_AT_MOST = 2;
/** Check-ins in a row without contact before a pair is watched. */
export const SILENT_CHECK_INS = 2;

/**
 * What each person's latest check-ins say, as reasons in the risk assessment's list: their
 * latest answer that it is not going well (1–2) or that they would like the coordinator to
 * contact them puts the pair at risk; no contact in their last two answers in a row, to watch.
 * A newer answer replaces an older one: a request answered by a later "no" is no longer a reason.
 */
export function pulseReasons(answers: readonly PulseAnswer[]): AssessedReason[] {
	const reasons: AssessedReason[] = [];
	for (const person of ['protege', 'mentor'] as const) {
		const own = answers.filter((a) => a.person === person).sort((a, b) => a.step - b.step);
		const latest = own.at(-1);
		if (!latest) continue;
		if (latest.going !== null && latest.going <= GOING_BADLY_AT_MOST)
			reasons.push({
				level: 'at_risk',
				reason: { kind: 'pulse_going_badly', person, rating: latest.going }
			});
		if (latest.wantsContact)
			reasons.push({ level: 'at_risk', reason: { kind: 'pulse_contact_request', person } });
		let silent = 0;
		for (let i = own.length - 1; i >= 0 && own[i]!.inTouch === false; i--) silent += 1;
		if (silent >= SILENT_CHECK_INS)
			reasons.push({ level: 'watch', reason: { kind: 'pulse_no_contact', person, times: silent } });
	}
	return reasons;
}
