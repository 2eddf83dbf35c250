import type { Db } from '../db';
import { createPair } from '../pairs/pair-actions';
import { insertParticipants, type ParticipantInput } from '../participants/participants';
import { newProgramValues } from '../programs/program-form';
import { createProgram, findProgram } from '../programs/programs';
import { openRound } from '../rounds/rounds';
import type { Calendar, ProgramTimeline } from './calendar';
import type { DemoTeam } from './demo-team';
import { OCCUPATIONS, type DrawnPerson, type Language, type PeopleDrawer } from './people';
import {
	answerAsPair,
	answerAsStakeholder,
	type AnsweringContext,
	type DemoRound,
	type StoryPair
} from './respondents';
import { seedAgreements } from './agreements';
import { seedCheckIns } from './check-ins';
import { Random } from './random';
import { PROGRAM_STORIES, type StoryName } from './stories';
import type { ProgramKind } from './typical-answers';

export interface ProgramSpec {
	kind: ProgramKind;
	name: string;
	description: string;
	timeline: ProgramTimeline;
	/** Staff who have not sent the staff survey of the newest round yet. */
	coordinatorPending: boolean;
	/** Days after pairing until the first pulse check-in (every 30 days after). */
	checkInFirstDays: number;
}

export interface Seeding {
	db: Db;
	team: DemoTeam;
	calendar: Calendar;
	random: Random;
	people: PeopleDrawer;
}

export interface DemoPair {
	pairId: string;
	programId: string;
	story: StoryName;
	mentorId: string;
	protegeId: string;
}

const CHECK_IN_SEED = 4242;

function castList(kind: ProgramKind, random: Random): { story: StoryName; variant: number }[] {
	const cast = Object.entries(PROGRAM_STORIES[kind]).flatMap(([story, count]) =>
		Array.from({ length: count }, (_, variant) => ({ story: story as StoryName, variant }))
	);
	return random.shuffle(cast);
}

function participant(
	role: ParticipantInput['role'],
	person: DrawnPerson,
	extra: { occupation: string | null; employerId: string | null; phone: string | null }
): ParticipantInput {
	return { role, ...person, ...extra, consentDate: null, notes: '' };
}

/** A demo program created on its timeline's day, pairs allowed to see their summary. */
export async function createDemoProgram(
	{ db, team, calendar }: Seeding,
	spec: {
		name: string;
		description: string;
		timeline: { created: number; starts: number; ends: number };
	},
	changes: { mentorMultipleProteges?: boolean; checkInFirstDays?: number } = {}
): Promise<string> {
	const t = spec.timeline;
	return createProgram(
		db,
		team.organizationId,
		{
			...newProgramValues(calendar.date(0)),
			name: spec.name,
			description: spec.description,
			startDate: calendar.date(t.starts),
			endDate: calendar.date(t.ends),
			pairsSeeSummary: true,
			...changes
		},
		calendar.at(t.created)
	);
}

/** One program: its people, pairs and rounds, and the answers its stories call for. */
export async function seedProgram(seeding: Seeding, spec: ProgramSpec): Promise<DemoPair[]> {
	const { db, team, calendar, random, people } = seeding;
	const t = spec.timeline;
	const programId = await createDemoProgram(
		seeding,
		{ ...spec, timeline: t },
		{ checkInFirstDays: spec.checkInFirstDays }
	);
	const program = (await findProgram(db, team.organizationId, programId))!;
	const employers = team.employers.filter((e) => e.program === spec.kind);
	const phone = () => (random.chance(0.4) ? `613-555-01${random.between(10, 99)}` : null);

	const cast = castList(spec.kind, random);
	const occupations = OCCUPATIONS[spec.kind];
	const inputs: ParticipantInput[] = [
		...employers.map((e) =>
			participant('employer', e.contact, { occupation: null, employerId: e.id, phone: phone() })
		),
		...cast.flatMap(() => {
			const employer = random.pick([...employers, ...employers, null]);
			return [
				participant('protege', people.newcomer(), {
					occupation: random.pick(occupations.protege),
					employerId: null,
					phone: phone()
				}),
				participant('mentor', people.mentor(employer?.domain), {
					occupation: random.pick(occupations.mentor),
					employerId: employer?.id ?? null,
					phone: phone()
				})
			];
		})
	];
	const ids = await insertParticipants(
		db,
		{ organizationId: team.organizationId, programId },
		inputs,
		calendar.at(t.peopleAdded)
	);
	const personAt = (index: number) => ({
		id: ids[index]!,
		language: inputs[index]!.language as Language
	});

	const pairs: StoryPair[] = [];
	for (const [i, { story, variant }] of cast.entries()) {
		const protege = personAt(employers.length + 2 * i);
		const mentor = personAt(employers.length + 2 * i + 1);
		const coordinator = i % 2 === 0 ? team.admin : team.coordinator;
		const result = await createPair(
			db,
			team.admin,
			program,
			{
				mentorId: mentor.id,
				protegeId: protege.id,
				employerId: null,
				coordinatorId: coordinator.id
			},
			null,
			calendar.at(t.paired)
		);
		if (!result.ok) throw new Error(`Demo pair refused: ${result.reason}`);
		pairs.push({ pairId: result.pairId, story, variant, mentor, protege });
	}

	const rounds: DemoRound[] = [];
	for (const [wave, days] of [
		['pre', t.pre],
		['mid', t.mid]
	] as const) {
		if (!days) continue;
		const opened = await openRound(
			db,
			team.admin,
			program,
			{
				versionId: team.versionId,
				wave,
				opensOn: calendar.date(days.opens),
				closesOn: calendar.date(days.closes)
			},
			null,
			calendar.at(days.opens)
		);
		if (!opened.ok) throw new Error(`Demo round refused: ${opened.reason}`);
		rounds.push({ id: opened.roundId, wave, days });
	}

	const context: AnsweringContext = {
		db,
		document: team.document,
		program: spec.kind,
		rounds,
		calendar,
		random
	};
	for (const pair of pairs) await answerAsPair(context, pair);
	for (const [i, employer] of employers.entries()) {
		const contact = {
			role: 'employer',
			participantId: ids[i]!,
			language: employer.contact.language
		} as const;
		await answerAsStakeholder(context, contact, rounds);
	}
	await answerAsStakeholder(
		context,
		{ role: 'staff', staffId: team.admin.id, language: 'en' },
		rounds
	);
	const coordinatorRounds = spec.coordinatorPending ? rounds.slice(0, -1) : rounds;
	await answerAsStakeholder(
		context,
		{ role: 'staff', staffId: team.coordinator.id, language: 'fr' },
		coordinatorRounds
	);

	await seedAgreements(
		db,
		calendar,
		{
			organizationId: team.organizationId,
			programId,
			seesSummary: program.pairs_see_summary === 1
		},
		pairs.map((p) => ({
			pairId: p.pairId,
			story: p.story,
			mentorId: p.mentor.id,
			protegeId: p.protege.id
		})),
		t.paired
	);

	// Check-ins as the scheduler sent them on each step's day, answered as each story goes, with
	// randomness of their own so the rest of the demo stays as it was.
	const stepDays: number[] = [];
	const lastDay = Math.min(0, t.ends);
	for (let day = t.paired + spec.checkInFirstDays; day <= lastDay; day += 30) stepDays.push(day);
	await seedCheckIns(
		db,
		calendar,
		new Random(CHECK_IN_SEED + t.paired),
		programId,
		pairs,
		stepDays
	);

	return pairs.map((p) => ({
		pairId: p.pairId,
		programId,
		story: p.story,
		mentorId: p.mentor.id,
		protegeId: p.protege.id
	}));
}
