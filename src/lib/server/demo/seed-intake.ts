import { insertParticipants } from '../participants/participants';
import { findProgram } from '../programs/programs';
import { openRound } from '../rounds/rounds';
import { submitSurvey } from './answer-writer';
import { TIMELINE } from './calendar';
import { INTAKE_CAST, INTAKE_FIELDS, INTAKE_LANGUAGES, type IntakePerson } from './intake-cast';
import { intakePreAnswers } from './intake-answers';
import { emailName } from './people';
import { answerAsStakeholder, assignmentOf, type DemoRound } from './respondents';
import { createDemoProgram, type Seeding } from './seed-program';

/** People sign up one after another across the sign-up days: the first listed, the first come. */
function signedUpAt(seeding: Seeding, index: number): number {
	const { from, until } = TIMELINE.intake.signUps;
	return seeding.calendar.at(from + (index * (until - from)) / (INTAKE_CAST.length - 1));
}

function emailOf(person: IntakePerson, index: number): string {
	const [first, ...last] = person.name.split(' ');
	const domain =
		person.role === 'mentor' ? 'example.org' : index % 2 === 0 ? 'example.com' : 'example.net';
	return `${emailName(first!, last.join(' '))}@${domain}`;
}

/** Everyone in the cast, each at their sign-up time, with a field, other languages and capacity. */
async function addPeople(
	seeding: Seeding,
	scope: { organizationId: string; programId: string }
): Promise<string[]> {
	const { db, random } = seeding;
	return db.transaction().execute(async (tx) => {
		// Matching's settings have no domain function to set them yet.
		await tx
			.updateTable('programs')
			.set({
				fields: JSON.stringify(INTAKE_FIELDS),
				field_rule: 'bonus',
				language_rule: 'off',
				languages: JSON.stringify(INTAKE_LANGUAGES)
			})
			.where('id', '=', scope.programId)
			.execute();
		const ids: string[] = [];
		for (const [index, person] of INTAKE_CAST.entries()) {
			const input = {
				role: person.role,
				name: person.name,
				email: emailOf(person, index),
				phone: random.chance(0.4) ? `613-555-01${random.between(10, 99)}` : null,
				language: person.language,
				occupation: person.occupation,
				employerId: null,
				consentDate: null,
				notes: ''
			};
			const [id] = await insertParticipants(tx, scope, [input], signedUpAt(seeding, index));
			await tx
				.updateTable('participants')
				.set({ capacity: person.capacity, field: person.field, languages: person.otherLanguages })
				.where('id', '=', id!)
				.execute();
			ids.push(id!);
		}
		return ids;
	});
}

/**
 * A program about to start whose people have signed up and answered `pre` but are not paired
 * yet, for matching to suggest pairs: see intake-cast.ts for the pairing it is built to avoid.
 */
export async function seedIntake(
	seeding: Seeding,
	spec: { name: string; description: string }
): Promise<string> {
	const { db, team, calendar, random } = seeding;
	const t = TIMELINE.intake;
	const programId = await createDemoProgram(
		seeding,
		{ ...spec, timeline: t },
		{ mentorMultipleProteges: true }
	);
	const ids = await addPeople(seeding, { organizationId: team.organizationId, programId });

	const program = (await findProgram(db, team.organizationId, programId))!;
	const opened = await openRound(
		db,
		team.admin,
		program,
		{
			versionId: team.versionId,
			wave: 'pre',
			opensOn: calendar.date(t.pre.opens),
			closesOn: calendar.date(t.pre.closes)
		},
		null,
		calendar.at(t.pre.opens)
	);
	if (!opened.ok) throw new Error(`Demo round refused: ${opened.reason}`);
	const round: DemoRound = { id: opened.roundId, wave: 'pre', days: t.pre };

	const items = team.document.constructs.flatMap((c) => c.items).filter((i) => i.wave === 'pre');
	for (const [index, person] of INTAKE_CAST.entries()) {
		if (!person.pre) continue;
		const participantId = ids[index]!;
		await submitSurvey(db, team.document, {
			assignmentId: await assignmentOf(db, round.id, { participantId }),
			participantId,
			role: person.role,
			wave: 'pre',
			language: person.language,
			answers: intakePreAnswers(person, items, random),
			startedAt: calendar.during(t.pre, random.next())
		});
	}
	// The coordinator has not sent the staff survey yet.
	await answerAsStakeholder(
		{ db, document: team.document, program: 'tech', rounds: [round], calendar, random },
		{ role: 'staff', staffId: team.admin.id, language: 'en' },
		[round]
	);
	return programId;
}
