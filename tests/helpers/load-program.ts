import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { issueLinksFor } from '../../src/lib/server/rounds/links';
import { openRound } from '../../src/lib/server/rounds/rounds';
import { createTestDatabase, removeTestDatabase } from './database';
import { createOrganizationWithStaff } from './fixtures';
import { addPeople, createTestProgram } from './programs';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

export interface LoadParticipant {
	participantId: string;
	assignmentId: string;
	/** `/l/<token>`: the personal link without its origin. */
	linkPath: string;
}

export interface LoadProgram {
	databasePath: string;
	participants: LoadParticipant[];
	remove(): Promise<void>;
}

/**
 * A migrated database (a SQLite file, or on PostgreSQL a database) holding one program of `pairCount` pairs with an open `pre` round and
 * a fresh link for every mentor and protégé. Half of them have already consented. The file is
 * closed when this returns, ready for a server to open.
 */
export async function seedLoadProgram(pairCount: number): Promise<LoadProgram> {
	const { db, path } = await createTestDatabase();
	await createOrganizationWithStaff(db, 'Load', [{ email: 'coord@load.org', role: 'coordinator' }]);
	const staff = await db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	const program = await createTestProgram(db, staff, { name: 'Load cohort' });
	const mentors = await addPeople(db, staff, program.id, 'mentor', pairCount);
	const proteges = await addPeople(db, staff, program.id, 'protege', pairCount);
	for (const [i, mentorId] of mentors.entries()) {
		const paired = await createPair(
			db,
			staff,
			program,
			{ mentorId, protegeId: proteges[i]!, employerId: null, coordinatorId: staff.id },
			null
		);
		if (!paired.ok) throw new Error(paired.reason);
	}
	await db
		.updateTable('participants')
		.set({ consented_at: Date.now() })
		.where('id', 'in', mentors)
		.execute();

	const version = await db.selectFrom('instrument_versions').select('id').executeTakeFirstOrThrow();
	const today = todayIn(DEFAULT_TIME_ZONE);
	const round = await openRound(
		db,
		staff,
		program,
		{ versionId: version.id, wave: 'pre', opensOn: today, closesOn: '2999-01-01' },
		null
	);
	if (!round.ok) throw new Error(round.reason);

	const links = await issueLinksFor(db, staff, program, [...mentors, ...proteges], '', null);
	const assignments = await db
		.selectFrom('assignments')
		.select(['id', 'participant_id'])
		.where('round_id', '=', round.roundId)
		.execute();
	const assignmentOf = new Map(assignments.map((a) => [a.participant_id, a.id]));
	await db.destroy();
	return {
		databasePath: path,
		participants: links.map((link) => ({
			participantId: link.participantId,
			assignmentId: assignmentOf.get(link.participantId)!,
			linkPath: link.url
		})),
		remove: () => removeTestDatabase(path)
	};
}
