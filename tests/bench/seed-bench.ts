import { storeScoredAnswers } from '../../src/lib/server/analytics/scored-answers';
import type { InstrumentDocument } from '../../src/lib/instruments/types';
import { hashPassword } from '../../src/lib/server/auth/password';
import { issueParticipantLink, linkExpiry } from '../../src/lib/server/auth/participant-links';
import type { Db, DbOrTx } from '../../src/lib/server/db/open';
import type { PairStatus, Program } from '../../src/lib/server/db/schema';
import type { Side } from '../../src/lib/server/demo/draft-answers';
import type { Language } from '../../src/lib/server/demo/people';
import { Random } from '../../src/lib/server/demo/random';
import { createEmployer } from '../../src/lib/server/employers/employers';
import { listInstruments } from '../../src/lib/server/instruments/instruments';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import { createOrganization } from '../../src/lib/server/organizations/organizations';
import {
	insertParticipants,
	type ParticipantInput
} from '../../src/lib/server/participants/participants';
import { planAssignments } from '../../src/lib/server/rounds/assignment-plan';
import { createStaffUser } from '../../src/lib/server/staff/staff';
import { generateId } from '../../src/lib/server/util/ids';
import { newProgramValues } from '../../src/lib/server/programs/program-form';
import { createProgram } from '../../src/lib/server/programs/programs';
import { todayIn } from '../../src/lib/time/days';
import { createBenchProgram, DAY, insertAll, roundRow, type Row, type Team } from './bench-rows';
import { seedMatchingProgram } from './seed-matching';
import { SyntheticAnswers } from './synthetic-answers';
import { syntheticPerson } from './synthetic-people';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

const PAIRS_PER_EMPLOYER = 100;

/** Not a secret: a throwaway account on a throwaway database. */
export const BENCH_SIGN_IN = { email: 'sofia@bench.example', password: 'tandem-bench' } as const;

export interface SeededProgram {
	id: string;
	pairs: number;
	pairIds: string[];
	/** Check-ins answered but not yet sent: each one sent makes the program's figures change. */
	pendingSurveys: string[];
}

/** Check-ins per program left answered but unsent, for the overview after one more arrives. */
const PENDING_SURVEYS = 8;

/** A protégé of the survey program, consented, with an unanswered `pre` survey and a personal link. */
export interface SurveyTaker {
	assignmentId: string;
	linkToken: string;
}

export interface BenchSeed {
	organizationId: string;
	document: InstrumentDocument;
	programs: SeededProgram[];
	surveyTakers: SurveyTaker[];
	/** Programs of N protégés and N mentors, nobody paired, everyone's `pre` answered. */
	intakes: { id: string; size: number }[];
}

async function createTeam(db: Db, now: number): Promise<Team> {
	const passwordHash = await hashPassword(BENCH_SIGN_IN.password);
	return db.transaction().execute(async (tx) => {
		const organization = await createOrganization(tx, 'Bench Newcomer Services', now - 120 * DAY);
		const organizationId = organization.id;
		const staff = (email: string, name: string, role: 'admin' | 'coordinator') =>
			createStaffUser(tx, { organizationId, email, name, role, passwordHash }, now - 120 * DAY);
		const adminId = await staff(BENCH_SIGN_IN.email, 'Sofia Martins', 'admin');
		const staffIds = [adminId];
		for (const n of [1, 2, 3])
			staffIds.push(
				await staff(`coordinator${n}@bench.example`, `Coordinator ${n}`, 'coordinator')
			);
		const [instrument] = await listInstruments(tx, organizationId);
		const versionId = instrument!.versions.find((v) => v.status === 'published')!.id;
		const document = (await loadVersionDocument(tx, versionId))!;
		return { organizationId, adminId, staffIds, versionId, document };
	});
}

interface Cast {
	program: Program;
	people: (ParticipantInput & { id: string })[];
	pairs: Row<'pairs'>[];
}

/** Employer contacts first, then protégé and mentor of each pair; everyone has consented. */
async function castProgram(
	tx: DbOrTx,
	team: Team,
	program: Program,
	pairCount: number,
	random: Random,
	now: number,
	language?: 'en'
): Promise<Cast> {
	const employerCount = Math.max(2, Math.round(pairCount / PAIRS_PER_EMPLOYER));
	const employerIds: string[] = [];
	for (let i = 0; i < employerCount; i++)
		employerIds.push(
			await createEmployer(tx, team.organizationId, `${program.name}: employer ${i + 1}`, now)
		);
	const inputs: ParticipantInput[] = [
		...employerIds.map((employerId, i) => syntheticPerson('employer', i, random, { employerId })),
		...Array.from({ length: pairCount }, (_, i) => [
			syntheticPerson('protege', i, random, { employerId: null, language }),
			syntheticPerson('mentor', i, random, { employerId: null, language })
		]).flat()
	];
	const scope = { organizationId: team.organizationId, programId: program.id };
	const ids = await insertParticipants(tx, scope, inputs, now - 56 * DAY);
	await tx
		.updateTable('participants')
		.set({ consented_at: now - 42 * DAY })
		.where('program_id', '=', program.id)
		.execute();
	const people = inputs.map((input, i) => ({ ...input, id: ids[i]! }));
	const pairs = Array.from({ length: pairCount }, (_, i): Row<'pairs'> => {
		const roll = random.next();
		const status: PairStatus = roll < 0.01 ? 'completed' : roll < 0.02 ? 'paused' : 'active';
		return {
			id: generateId(),
			organization_id: team.organizationId,
			program_id: program.id,
			protege_id: ids[employerCount + 2 * i]!,
			mentor_id: ids[employerCount + 2 * i + 1]!,
			employer_id: random.chance(0.66) ? random.pick(employerIds) : null,
			coordinator_id: team.staffIds[1 + (i % (team.staffIds.length - 1))]!,
			status,
			created_at: now - 47 * DAY,
			updated_at: now - 47 * DAY
		};
	});
	await insertAll(tx, 'pairs', pairs);
	return { program, people, pairs };
}

function plannedAssignments(team: Team, cast: Cast, round: Row<'rounds'> & { id: string }) {
	const staffIds = [...new Set(cast.pairs.map((p) => p.coordinator_id!))];
	return planAssignments({
		wave: round.wave,
		participants: cast.people.map((p) => ({ id: p.id, role: p.role, status: 'active' })),
		pairs: cast.pairs.map((p) => ({ ...p, coordinator_id: p.coordinator_id ?? null })),
		staffIds
	}).map((a): Row<'assignments'> => ({
		id: generateId(),
		organization_id: team.organizationId,
		round_id: round.id,
		role: a.role,
		participant_id: a.participantId,
		staff_id: a.staffId,
		pair_id: a.pairId,
		status: 'not_started',
		started_at: null,
		submitted_at: null,
		created_at: Number(round.created_at)
	}));
}

/** A program whose `pre` round (closed) and `mid` check-in (open) every role has answered. */
async function seedAnsweredProgram(
	db: Db,
	team: Team,
	pairCount: number,
	random: Random,
	now: number
): Promise<SeededProgram> {
	const synthetic = new SyntheticAnswers(team.document, random);
	return db.transaction().execute(async (tx) => {
		const program = await createBenchProgram(tx, team, `Bench cohort of ${pairCount} pairs`, now);
		const cast = await castProgram(tx, team, program, pairCount, random, now);
		const sideOf = new Map<string, { pair: number; side: Side }>();
		cast.pairs.forEach((pair, i) => {
			sideOf.set(pair.protege_id, { pair: i, side: 'protege' });
			sideOf.set(pair.mentor_id, { pair: i, side: 'mentor' });
		});
		const pairIndex = new Map(cast.pairs.map((pair, i) => [pair.id!, i]));
		const languageOf = new Map(cast.people.map((p) => [p.id, p.language as Language]));
		const pairAnswers = cast.pairs.map((pair) =>
			synthetic.pair({
				mentor: languageOf.get(pair.mentor_id)!,
				protege: languageOf.get(pair.protege_id)!
			})
		);
		const stakeholders = new Map<string, ReturnType<SyntheticAnswers['stakeholder']>>();
		const stakeholderAnswers = (key: string, role: 'employer' | 'staff') => {
			if (!stakeholders.has(key)) stakeholders.set(key, synthetic.stakeholder(role, 'en'));
			return stakeholders.get(key)!;
		};

		const pendingSurveys: string[] = [];
		for (const [wave, days] of [
			['pre', [-42, -28]],
			['mid', [-16, 12]]
		] as const) {
			const round = roundRow(team, program.id, wave, [...days], now);
			await insertAll(tx, 'rounds', [round]);
			const assignments = plannedAssignments(team, cast, round);
			const responses: Row<'responses'>[] = [];
			const pending =
				wave === 'mid'
					? new Set(
							assignments
								.filter((a) => a.role === 'protege')
								.slice(-PENDING_SURVEYS)
								.map((a) => a.id!)
						)
					: new Set<string>();
			for (const assignment of assignments) {
				const startedAt = now + (days[0] + random.next() * (days[1] - days[0] - 1)) * DAY;
				const sentAt = Math.min(now - DAY / 10, startedAt + 15 * 60_000);
				const sent = !pending.has(assignment.id!);
				Object.assign(assignment, {
					status: sent ? 'submitted' : 'in_progress',
					last_page: 7,
					started_at: Math.round(startedAt),
					submitted_at: sent ? Math.round(sentAt) : null
				});
				if (!sent) pendingSurveys.push(assignment.id!);
				const person = assignment.participant_id ? sideOf.get(assignment.participant_id) : null;
				const answers =
					assignment.role === 'staff' || assignment.role === 'employer'
						? stakeholderAnswers(
								assignment.staff_id ?? assignment.participant_id!,
								assignment.role
							)[wave]
						: pairAnswers[assignment.pair_id ? pairIndex.get(assignment.pair_id)! : person!.pair]![
								wave
							][assignment.role];
				for (const [itemKey, values] of Object.entries(answers)) {
					if (values.length === 0) continue;
					responses.push({
						assignment_id: assignment.id,
						item_key: itemKey,
						value: synthetic.stored(itemKey, values),
						updated_at: Math.round(sentAt)
					});
				}
			}
			await insertAll(tx, 'assignments', assignments);
			await insertAll(tx, 'responses', responses);
			await storeScoredAnswers(
				tx,
				assignments.map((a) => a.id!)
			);
		}
		return {
			id: program.id,
			pairs: pairCount,
			pairIds: cast.pairs.map((p) => p.id!),
			pendingSurveys
		};
	});
}

/** A small program with its `pre` round open and unanswered: the people whose saves are measured. */
async function seedSurveyProgram(
	db: Db,
	team: Team,
	pairCount: number,
	random: Random,
	now: number
): Promise<SurveyTaker[]> {
	return db.transaction().execute(async (tx) => {
		const program = await createBenchProgram(tx, team, 'Bench survey takers', now);
		const cast = await castProgram(tx, team, program, pairCount, random, now, 'en');
		const round = roundRow(team, program.id, 'pre', [-1, 13], now);
		await insertAll(tx, 'rounds', [round]);
		const assignments = plannedAssignments(team, cast, round);
		await insertAll(tx, 'assignments', assignments);
		const takers: SurveyTaker[] = [];
		for (const assignment of assignments) {
			if (assignment.role !== 'protege') continue;
			const participantId = assignment.participant_id!;
			const linkToken = await issueParticipantLink(
				tx,
				participantId,
				linkExpiry(program, DEFAULT_TIME_ZONE),
				null
			);
			takers.push({ assignmentId: assignment.id, linkToken });
		}
		return takers;
	});
}

/**
 * One organization with an answered program of each size, a survey program of `surveyPairs`
 * pairs and an intake to match of each of `intakeSizes`, written in bulk (one transaction per
 * program), not page by page.
 */
export async function seedBench(
	db: Db,
	options: {
		sizes: number[];
		surveyPairs: number;
		intakeSizes?: number[];
		now?: number;
		seed?: number;
	}
): Promise<BenchSeed> {
	const now = options.now ?? Date.now();
	const random = new Random(options.seed ?? 2027);
	const team = await createTeam(db, now);
	const programs: SeededProgram[] = [];
	for (const size of options.sizes)
		programs.push(await seedAnsweredProgram(db, team, size, random, now));
	const surveyTakers = await seedSurveyProgram(db, team, options.surveyPairs, random, now);
	const intakes: BenchSeed['intakes'] = [];
	for (const size of options.intakeSizes ?? [])
		intakes.push({ id: await seedMatchingProgram(db, team, size, random, now), size });
	return {
		organizationId: team.organizationId,
		document: team.document,
		programs,
		surveyTakers,
		intakes
	};
}

/**
 * The taker reads the survey in Arabic: their program offers it and it is their language. Their
 * page weighs what a right-to-left page with the longest script of the shipped ones weighs.
 */
export async function speakArabic(db: Db, taker: SurveyTaker): Promise<SurveyTaker> {
	const { participantId, programId } = await db
		.selectFrom('assignments')
		.innerJoin('participants', 'participants.id', 'assignments.participant_id')
		.select(['participants.id as participantId', 'participants.program_id as programId'])
		.where('assignments.id', '=', taker.assignmentId)
		.executeTakeFirstOrThrow();
	await db
		.updateTable('programs')
		.set({ languages: JSON.stringify(['en', 'fr', 'ar']) })
		.where('id', '=', programId)
		.execute();
	await db
		.updateTable('participants')
		.set({ language: 'ar' })
		.where('id', '=', participantId)
		.execute();
	return taker;
}

/** An empty program of the bench's organization, for a large import. */
export async function createBenchImportProgram(db: Db, organizationId: string): Promise<string> {
	return createProgram(db, organizationId, {
		...newProgramValues(todayIn(DEFAULT_TIME_ZONE)),
		name: 'Bench import'
	});
}
