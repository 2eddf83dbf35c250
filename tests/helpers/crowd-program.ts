import type { Db } from '../../src/lib/server/db/open';
import { Random } from '../../src/lib/server/demo/random';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { newProgramValues } from '../../src/lib/server/programs/program-form';
import { createProgram } from '../../src/lib/server/programs/programs';
import { syntheticPerson } from '../bench/synthetic-people';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

/** A program of `people` newcomers and mentors just imported, none paired yet: its id. */
export async function seedCrowdProgram(
	db: Db,
	organizationId: string,
	people: number
): Promise<string> {
	const programId = await createProgram(db, organizationId, {
		...newProgramValues(todayIn(DEFAULT_TIME_ZONE)),
		name: `Imported cohort of ${people}`
	});
	const random = new Random(people);
	const inputs = Array.from({ length: people }, (_, i) =>
		syntheticPerson(i % 2 ? 'mentor' : 'protege', 900_000 + i, random, { employerId: null })
	);
	await insertParticipants(db, { organizationId, programId }, inputs);
	return programId;
}
