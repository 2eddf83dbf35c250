import type { Db } from '../db';
import { changePairStatus, createPair, type PairStatusChange } from '../pairs/pair-actions';
import { insertParticipants } from '../participants/participants';
import { findProgram } from '../programs/programs';
import type { DemoTeam } from './demo-team';
import type { Calendar } from './calendar';
import type { PeopleDrawer } from './people';
import type { DemoPair } from './seed-program';

/**
 * How some of the first program's pairs ended, as coordinators record it: a silent pair ended
 * early for want of contact and its protégé paired again with a volunteer who joined later; a
 * well-aligned pair completed early because the protégé found work in their field. Seeded last,
 * so that the people drawn here change no one drawn before.
 */
export async function seedClosures(
	db: Db,
	team: DemoTeam,
	calendar: Calendar,
	people: PeopleDrawer,
	pairs: readonly DemoPair[]
): Promise<void> {
	const silent = pairs.find((p) => p.story === 'silent')!;
	const hired = pairs.find((p) => p.story === 'well_aligned')!;
	const program = (await findProgram(db, team.organizationId, silent.programId))!;
	const end = async (pair: DemoPair, change: PairStatusChange, day: number) => {
		const running = { id: pair.pairId, status: 'active' as const };
		const ended = await changePairStatus(db, team.admin, running, change, null, calendar.at(day));
		if (!ended.ok) throw new Error(`Demo closure refused: ${ended.reason}`);
	};
	await end(
		silent,
		{
			status: 'ended_early',
			reason: 'Three weeks without any contact from the mentor; he no longer has the time.',
			closureReason: 'no_contact'
		},
		-8
	);
	const [mentorId] = await insertParticipants(
		db,
		{ organizationId: team.organizationId, programId: program.id },
		[
			{
				role: 'mentor',
				...people.mentor(),
				phone: null,
				occupation: 'Engineering manager',
				employerId: null,
				consentDate: null,
				notes: 'Joined after the first pairs were made.'
			}
		],
		calendar.at(-9)
	);
	const again = await createPair(
		db,
		team.admin,
		program,
		{
			mentorId: mentorId!,
			protegeId: silent.protegeId,
			employerId: null,
			coordinatorId: team.coordinator.id
		},
		null,
		calendar.at(-7)
	);
	if (!again.ok) throw new Error(`Demo re-match refused: ${again.reason}`);
	await end(
		hired,
		{
			status: 'completed',
			reason: 'Hired as a junior developer; both agreed to stop here.',
			closureReason: 'work_in_field'
		},
		-4
	);
}
