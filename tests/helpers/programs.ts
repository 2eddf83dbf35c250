import type { Db } from '../../src/lib/server/db/open';
import type { ParticipantRole, Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import {
	insertParticipants,
	type ParticipantInput
} from '../../src/lib/server/participants/participants';
import { createProgram, type ProgramInput } from '../../src/lib/server/programs/programs';
import { newProgramValues } from '../../src/lib/server/programs/program-form';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

export async function createTestProgram(
	db: Db,
	staff: StaffUserRow,
	changes: Partial<ProgramInput> = {}
) {
	const id = await createProgram(db, staff.organization_id, {
		...newProgramValues(todayIn(DEFAULT_TIME_ZONE)),
		name: 'Spring cohort',
		...changes
	});
	return await db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** People named after their role and number: mentor1@example.org, protege2@example.org… */
export async function addPeople(
	db: Db,
	staff: StaffUserRow,
	programId: string,
	role: ParticipantRole,
	count: number
): Promise<string[]> {
	const inputs = Array.from({ length: count }, (_, i) =>
		participantInput({ role, name: `${role} ${i + 1}`, email: `${role}${i + 1}@example.org` })
	);
	return insertParticipants(db, { organizationId: staff.organization_id, programId }, inputs);
}

/** A person as the add form or an import row gives them: the rest empty, English. */
export function participantInput(
	fields: Pick<ParticipantInput, 'role' | 'name' | 'email'> & Partial<ParticipantInput>
): ParticipantInput {
	return {
		phone: null,
		language: 'en',
		occupation: null,
		employerId: null,
		consentDate: null,
		notes: '',
		...fields
	};
}

/** A mentor and a protégé added to `program` and paired by `staff`, as the pairing form does. */
export async function addTestPair(
	db: Db,
	staff: StaffUserRow,
	program: Program,
	ip: string | null = null
): Promise<{ pairId: string; mentorId: string; protegeId: string }> {
	const [mentorId] = await addPeople(db, staff, program.id, 'mentor', 1);
	const [protegeId] = await addPeople(db, staff, program.id, 'protege', 1);
	const pair = await createPair(
		db,
		staff,
		program,
		{ mentorId: mentorId!, protegeId: protegeId!, employerId: null, coordinatorId: null },
		ip
	);
	if (!pair.ok) throw new Error(pair.reason);
	return { pairId: pair.pairId, mentorId: mentorId!, protegeId: protegeId! };
}

let drawnPeople = 0;

/**
 * A mentor and a protégé new to `program` (numbered on from every pair this helper made before,
 * so several fit one program), paired by `staff` as the pairing form does.
 */
export async function addNewPair(
	db: Db,
	staff: StaffUserRow,
	program: Program
): Promise<{ pairId: string; mentorId: string; protegeId: string }> {
	drawnPeople += 1;
	const n = drawnPeople;
	const [mentorId, protegeId] = await insertParticipants(
		db,
		{ organizationId: staff.organization_id, programId: program.id },
		(['mentor', 'protege'] as const).map((role) =>
			participantInput({ role, name: `${role} ${n}`, email: `${role}${n}@example.org` })
		)
	);
	const pair = await createPair(
		db,
		staff,
		program,
		{ mentorId: mentorId!, protegeId: protegeId!, employerId: null, coordinatorId: null },
		null
	);
	if (!pair.ok) throw new Error(pair.reason);
	return { pairId: pair.pairId, mentorId: mentorId!, protegeId: protegeId! };
}
