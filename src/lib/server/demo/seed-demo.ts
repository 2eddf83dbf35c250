import type { Db } from '../db';
import { countOrganizations } from '../organizations/organizations';
import { Calendar, TIMELINE } from './calendar';
import { createDemoTeam, DEMO_ADMIN, DEMO_PASSWORD } from './demo-team';
import { PeopleDrawer } from './people';
import { Random } from './random';
import { seedClosures } from './closures';
import { FINISHED_TIMELINE, seedFinishedProgram } from './finished-program';
import { seedIntake } from './seed-intake';
import { seedProgram, type DemoPair, type ProgramSpec } from './seed-program';

export type { DemoPair } from './seed-program';

export const DEMO_SIGN_IN = { email: DEMO_ADMIN.email, password: DEMO_PASSWORD } as const;

/** The same seed gives the same people, stories and answers on every run. */
export const DEMO_SEED = 2027;

function seasonOf(isoDate: string): string {
	const [year, month] = isoDate.split('-').map(Number) as [number, number];
	const season =
		month === 12 || month <= 2 ? 'Winter' : month <= 5 ? 'Spring' : month <= 8 ? 'Summer' : 'Fall';
	return `${season} ${year}`;
}

function programSpecs(calendar: Calendar): ProgramSpec[] {
	return [
		{
			kind: 'tech',
			name: `${seasonOf(calendar.date(TIMELINE.tech.starts))} — IT and engineering`,
			description:
				'Newcomers in software, IT and engineering, each matched with a volunteer who works in the field, for four months.',
			timeline: TIMELINE.tech,
			coordinatorPending: false,
			checkInFirstDays: 14
		},
		{
			kind: 'health',
			name: `Healthcare cohort — ${seasonOf(calendar.date(TIMELINE.health.starts))}`,
			description:
				'Internationally trained nurses, therapists and technologists matched with health professionals. Licensing comes first.',
			timeline: TIMELINE.health,
			coordinatorPending: true,
			checkInFirstDays: 7
		}
	];
}

const intakeSpec = (calendar: Calendar) => ({
	name: `${seasonOf(calendar.date(TIMELINE.intake.starts))} intake — IT, engineering, health, trades and finance`,
	description:
		'Newcomers and volunteer mentors who have signed up and answered the first survey. Nobody is paired yet: matching suggests mentors whose expectations agree.'
});

export interface DemoSeed {
	organizationId: string;
	/** Every program: the two with pairs, then the intake. */
	programIds: string[];
	/** The program whose people have answered `pre` and wait to be paired. */
	intakeProgramId: string;
	/** Last year's cohort: ended, and followed up after 3, 6 and 12 months. */
	finishedProgramId: string;
	/** Every pair with the story its answers tell, for checks that the dashboards read them right. */
	pairs: DemoPair[];
	/** The finished cohort's pairs, each with its story too. */
	finishedPairs: DemoPair[];
}

/**
 * Fills an empty, migrated database with one organization running two programs whose pairs
 * tell designed stories (see stories.ts) and an intake waiting to be paired (intake-cast.ts),
 * dated relative to `now`. Everything goes through the same domain functions the app uses.
 */
export async function seedDemo(
	db: Db,
	options: { now?: number; seed?: number } = {}
): Promise<DemoSeed> {
	if ((await countOrganizations(db)) > 0)
		throw new Error('The demo is only seeded into an empty database.');
	const calendar = new Calendar(options.now ?? Date.now());
	const random = new Random(options.seed ?? DEMO_SEED);
	const team = await createDemoTeam(db, calendar);
	const seeding = { db, team, calendar, random, people: new PeopleDrawer(random) };
	const programIds: string[] = [];
	const pairs: DemoPair[] = [];
	for (const spec of programSpecs(calendar)) {
		const seeded = await seedProgram(seeding, spec);
		programIds.push(seeded[0]!.programId);
		pairs.push(...seeded);
	}
	const intakeProgramId = await seedIntake(seeding, intakeSpec(calendar));
	programIds.push(intakeProgramId);
	await seedClosures(db, team, calendar, seeding.people, pairs);
	const finished = await seedFinishedProgram(
		seeding,
		`${seasonOf(calendar.date(FINISHED_TIMELINE.starts))} — IT and engineering`
	);
	const finishedProgramId = finished[0]!.programId;
	programIds.push(finishedProgramId);
	return {
		organizationId: team.organizationId,
		programIds,
		intakeProgramId,
		finishedProgramId,
		pairs,
		finishedPairs: finished
	};
}
