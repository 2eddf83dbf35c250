import type { AssignmentRole, Participant, Pair } from '../db/schema';

export interface PlannedAssignment {
	role: AssignmentRole;
	participantId: string | null;
	staffId: string | null;
	pairId: string | null;
}

export interface PlanInput {
	wave: 'pre' | 'mid' | 'post';
	participants: Pick<Participant, 'id' | 'role' | 'status'>[];
	pairs: Pick<Pair, 'id' | 'mentor_id' | 'protege_id' | 'status' | 'coordinator_id'>[];
	staffIds: string[];
}

/**
 * Who answers a round. `pre`: every active mentor, protégé and employer contact, paired or not
 * (expectations before matching feed matching too). `mid`/`post`: mentor and protégé of each
 * active pair, about that pair (a mentor with two protégés answers twice), and employer
 * contacts. Always the program's coordinators, from their login.
 */
export function planAssignments(input: PlanInput): PlannedAssignment[] {
	const active = input.participants.filter((p) => p.status === 'active');
	const person = (
		p: { id: string; role: Participant['role'] },
		pairId: string | null = null
	): PlannedAssignment => ({
		role: p.role,
		participantId: p.id,
		staffId: null,
		pairId
	});
	const staff = input.staffIds.map((id): PlannedAssignment => ({
		role: 'staff',
		participantId: null,
		staffId: id,
		pairId: null
	}));
	if (input.wave === 'pre') return [...active.map((p) => person(p)), ...staff];

	const activeIds = new Set(active.map((p) => p.id));
	const paired = input.pairs
		.filter(
			(pair) =>
				pair.status === 'active' && activeIds.has(pair.mentor_id) && activeIds.has(pair.protege_id)
		)
		.flatMap((pair) => [
			person({ id: pair.mentor_id, role: 'mentor' }, pair.id),
			person({ id: pair.protege_id, role: 'protege' }, pair.id)
		]);
	const employers = active.filter((p) => p.role === 'employer').map((p) => person(p));
	return [...paired, ...employers, ...staff];
}
