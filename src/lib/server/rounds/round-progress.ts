import type { DbOrTx } from '../db';
import type { AssignmentRole, AssignmentStatus } from '../db/schema';

export interface RoleProgress {
	role: AssignmentRole;
	total: number;
	started: number;
	submitted: number;
}

export interface WaitingPerson {
	assignmentId: string;
	participantId: string | null;
	name: string;
	role: AssignmentRole;
	status: AssignmentStatus;
}

/** Response rates by role and the people who have not sent their answers yet: two queries. */
export async function roundProgress(
	db: DbOrTx,
	roundId: string
): Promise<{ roles: RoleProgress[]; waiting: WaitingPerson[] }> {
	const rows = await db
		.selectFrom('assignments')
		.leftJoin('participants', 'participants.id', 'assignments.participant_id')
		.leftJoin('staff_users', 'staff_users.id', 'assignments.staff_id')
		.select([
			'assignments.id',
			'assignments.role',
			'assignments.status',
			'assignments.participant_id',
			'participants.name as participantName',
			'staff_users.name as staffName'
		])
		.where('assignments.round_id', '=', roundId)
		.execute();
	const roles = new Map<AssignmentRole, RoleProgress>();
	const waiting: WaitingPerson[] = [];
	for (const row of rows) {
		const progress = roles.get(row.role) ?? { role: row.role, total: 0, started: 0, submitted: 0 };
		progress.total += 1;
		if (row.status === 'in_progress') progress.started += 1;
		if (row.status === 'submitted') progress.submitted += 1;
		roles.set(row.role, progress);
		if (row.status !== 'submitted') {
			waiting.push({
				assignmentId: row.id,
				participantId: row.participant_id,
				name: row.participantName ?? row.staffName ?? '',
				role: row.role,
				status: row.status
			});
		}
	}
	const order: AssignmentRole[] = ['protege', 'mentor', 'employer', 'staff'];
	return {
		roles: order.flatMap((role) => (roles.has(role) ? [roles.get(role)!] : [])),
		waiting: waiting.sort(
			(a, b) =>
				a.name.localeCompare(b.name, undefined, { numeric: true }) ||
				(a.assignmentId < b.assignmentId ? -1 : 1)
		)
	};
}
