export interface Candidate {
	id: string;
	field: string | null;
}

export interface MentorCandidate extends Candidate {
	/** Protégés at most; null is one. */
	capacity: number | null;
}

export interface PlannedPair {
	mentorId: string;
	protegeId: string;
}

/**
 * Pairing as it is done by hand without looking at anyone's answers: each protégé, first come,
 * gets the first mentor of the same field who still has room. People are given in the order
 * they signed up; a protégé whose field has no room left stays unpaired.
 */
export function obviousPairing(
	proteges: readonly Candidate[],
	mentors: readonly MentorCandidate[]
): PlannedPair[] {
	const room = new Map(mentors.map((m) => [m.id, m.capacity ?? 1]));
	const pairs: PlannedPair[] = [];
	for (const protege of proteges) {
		if (protege.field === null) continue;
		const mentor = mentors.find((m) => m.field === protege.field && room.get(m.id)! > 0);
		if (!mentor) continue;
		room.set(mentor.id, room.get(mentor.id)! - 1);
		pairs.push({ mentorId: mentor.id, protegeId: protege.id });
	}
	return pairs;
}
