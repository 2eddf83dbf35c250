import type { Db, DbOrTx } from '../db';
import type { Program, Round } from '../db/schema';
import { recordAudit } from '../audit/audit';
import type { Actor } from '../instruments/instruments';
import { generateId } from '../util/ids';
import { planAssignments, type PlannedAssignment } from './assignment-plan';
import { DEFAULT_REMINDER_DAYS } from './round-state';

export interface RoundInput {
	versionId: string;
	wave: 'pre' | 'mid' | 'post';
	opensOn: string;
	closesOn: string;
	/** Days after opening (positive) or before closing (negative) to remind; defaults when absent. */
	reminderDays?: number[];
}

/** The staff who answer the staff version: the program's pair coordinators, else every active staff member. */
async function programStaff(
	db: DbOrTx,
	organizationId: string,
	programId: string
): Promise<string[]> {
	const assigned = await db
		.selectFrom('pairs')
		.innerJoin('staff_users', 'staff_users.id', 'pairs.coordinator_id')
		.select('staff_users.id')
		.distinct()
		.where('pairs.program_id', '=', programId)
		.where('staff_users.status', '=', 'active')
		.execute();
	if (assigned.length > 0) return assigned.map((r) => r.id);
	const everyone = await db
		.selectFrom('staff_users')
		.select('id')
		.where('organization_id', '=', organizationId)
		.where('status', '=', 'active')
		.execute();
	return everyone.map((r) => r.id);
}

async function plannedFor(
	db: DbOrTx,
	program: Program,
	wave: RoundInput['wave']
): Promise<PlannedAssignment[]> {
	const [participants, pairs, staffIds] = await Promise.all([
		db
			.selectFrom('participants')
			.select(['id', 'role', 'status'])
			.where('program_id', '=', program.id)
			.execute(),
		db
			.selectFrom('pairs')
			.select(['id', 'mentor_id', 'protege_id', 'status', 'coordinator_id'])
			.where('program_id', '=', program.id)
			.execute(),
		programStaff(db, program.organization_id, program.id)
	]);
	return planAssignments({ wave, participants, pairs, staffIds });
}

const assignmentKey = (a: {
	participantId: string | null;
	staffId: string | null;
	pairId: string | null;
}) => `${a.participantId}|${a.staffId}|${a.pairId}`;

async function insertAssignments(
	db: DbOrTx,
	round: Pick<Round, 'id' | 'organization_id'>,
	planned: PlannedAssignment[],
	now: number
): Promise<number> {
	const existing = await db
		.selectFrom('assignments')
		.select(['participant_id', 'staff_id', 'pair_id'])
		.where('round_id', '=', round.id)
		.execute();
	const have = new Set(
		existing.map((e) =>
			assignmentKey({ participantId: e.participant_id, staffId: e.staff_id, pairId: e.pair_id })
		)
	);
	const rows = planned
		.filter((a) => !have.has(assignmentKey(a)))
		.map((a) => ({
			id: generateId(),
			organization_id: round.organization_id,
			round_id: round.id,
			role: a.role,
			participant_id: a.participantId,
			staff_id: a.staffId,
			pair_id: a.pairId,
			status: 'not_started' as const,
			started_at: null,
			submitted_at: null,
			created_at: now
		}));
	for (let i = 0; i < rows.length; i += 200)
		await db
			.insertInto('assignments')
			.values(rows.slice(i, i + 200))
			.execute();
	return rows.length;
}

export type OpenRoundResult =
	| { ok: true; roundId: string; assigned: number }
	| { ok: false; reason: 'version_unusable' | 'program_closed' };

/** Opens a round of a published version's wave and assigns everyone who answers it. */
export async function openRound(
	db: Db,
	actor: Actor,
	program: Program,
	input: RoundInput,
	ip: string | null,
	now = Date.now()
): Promise<OpenRoundResult> {
	return db.transaction().execute(async (tx): Promise<OpenRoundResult> => {
		if (program.status === 'closed') return { ok: false, reason: 'program_closed' };
		const version = await tx
			.selectFrom('instrument_versions')
			.innerJoin('instruments', 'instruments.id', 'instrument_versions.instrument_id')
			.select('instrument_versions.id')
			.where('instrument_versions.id', '=', input.versionId)
			.where('instruments.organization_id', '=', actor.organization_id)
			.where('instrument_versions.status', '=', 'published')
			.executeTakeFirst();
		if (!version) return { ok: false, reason: 'version_unusable' };
		const round = {
			id: generateId(),
			organization_id: actor.organization_id,
			program_id: program.id,
			instrument_version_id: version.id,
			wave: input.wave,
			opens_on: input.opensOn,
			closes_on: input.closesOn,
			closed_at: null,
			reminder_days: JSON.stringify(input.reminderDays ?? DEFAULT_REMINDER_DAYS),
			created_by: actor.id,
			created_at: now
		};
		await tx.insertInto('rounds').values(round).execute();
		const assigned = await insertAssignments(
			tx,
			round,
			await plannedFor(tx, program, input.wave),
			now
		);
		await recordAudit(
			tx,
			{
				organizationId: actor.organization_id,
				actorStaffId: actor.id,
				action: 'round.opened',
				targetType: 'round',
				targetId: round.id,
				detail: { wave: input.wave, assigned },
				ip
			},
			now
		);
		return { ok: true, roundId: round.id, assigned };
	});
}

/** Adds people who joined (or were paired) since the round opened. Returns how many. */
export async function addLatecomers(
	db: Db,
	actor: Actor,
	program: Program,
	round: Round,
	ip: string | null,
	now = Date.now()
): Promise<number> {
	return db.transaction().execute(async (tx) => {
		const added = await insertAssignments(
			tx,
			round,
			await plannedFor(tx, program, round.wave),
			now
		);
		if (added > 0) {
			await recordAudit(
				tx,
				{
					organizationId: actor.organization_id,
					actorStaffId: actor.id,
					action: 'round.people_added',
					targetType: 'round',
					targetId: round.id,
					detail: { added },
					ip
				},
				now
			);
		}
		return added;
	});
}

export async function closeRound(
	db: Db,
	actor: Actor,
	round: Round,
	ip: string | null,
	now = Date.now()
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('rounds')
			.set({ closed_at: now })
			.where('id', '=', round.id)
			.where('closed_at', 'is', null)
			.execute();
		await recordAudit(
			tx,
			{
				organizationId: actor.organization_id,
				actorStaffId: actor.id,
				action: 'round.closed',
				targetType: 'round',
				targetId: round.id,
				ip
			},
			now
		);
	});
}

export async function findRound(
	db: DbOrTx,
	organizationId: string,
	programId: string,
	roundId: string
): Promise<Round | null> {
	const row = await db
		.selectFrom('rounds')
		.selectAll()
		.where('id', '=', roundId)
		.where('program_id', '=', programId)
		.where('organization_id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

export async function listRounds(
	db: DbOrTx,
	organizationId: string,
	programId: string
): Promise<Round[]> {
	return db
		.selectFrom('rounds')
		.selectAll()
		.where('program_id', '=', programId)
		.where('organization_id', '=', organizationId)
		.orderBy('created_at', 'desc')
		.execute();
}
