import { waitingCheckIn, waitingExitSurvey, waitingFollowUp } from '../helpers/pair-signals';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import { enrolmentKey } from '../../src/lib/server/auth/two-factor';
import type { Db } from '../../src/lib/server/db/open';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { DEMO_SIGN_IN, seedDemo } from '../../src/lib/server/demo/seed-demo';
import { openDraft } from '../../src/lib/server/instruments/instruments';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { storeUpload } from '../../src/lib/server/participants/participant-import';
import { openRound } from '../../src/lib/server/rounds/rounds';
import { inviteStaff } from '../../src/lib/server/staff/invitations';
import { answerSurvey, assignmentOf, lowEnd, surveyOf } from '../helpers/answers';
import { addPeople, createTestProgram } from '../helpers/programs';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

/** One protégé's first visit and one staff survey, used up by one pass through the pages. */
export interface FreshSurveys {
	programId: string;
	roundId: string;
	pairId: string;
	/** `/l/<token>` of a protégé who has not agreed yet; her answers are in, not sent. */
	protegeLink: string;
	/** Her first pulse check-in, waiting for her answers. */
	checkInId: string;
	/** An exit survey about her pair, waiting too. */
	exitSurveyId: string;
	/** A follow-up survey after the program, waiting too. */
	followUpId: string;
}

export interface AccessibilityWorld {
	admin: { email: string; password: string };
	/** A coordinator with an authenticator app: signing in stops at the second step. */
	enrolled: { email: string; password: string };
	programId: string;
	/** The demo's intake, nobody paired yet, and one of its protégés who answered `pre`. */
	intakeProgramId: string;
	intakeProtegeId: string;
	participantId: string;
	pairId: string;
	roundId: string;
	importId: string;
	publishedVersionId: string;
	draftVersionId: string;
	itemKey: string;
	staffId: string;
	invitationPath: string;
	fresh: FreshSurveys[];
}

const DAY = 86_400_000;

/**
 * Fills an empty database with the demo organization (two programs of answered pairs, so every
 * chart and table fills, and an intake waiting to be paired) and what the other page types need:
 * an uploaded file, a draft survey, a pending invitation, an enrolled coordinator, and `passes`
 * small programs whose protégé and staff surveys are answered but not sent.
 */
export async function buildAccessibilityWorld(
	db: Db,
	languages: readonly string[]
): Promise<AccessibilityWorld> {
	const seed = await seedDemo(db);
	const staff = await db.selectFrom('staff_users').selectAll().orderBy('created_at').execute();
	const admin = staff.find((s) => s.email === DEMO_SIGN_IN.email)!;
	const coordinator = staff.find((s) => s.id !== admin.id)!;
	const [programId] = seed.programIds;
	const pair = seed.pairs.find((p) => p.programId === programId && p.story === 'referral_gap')!;
	const round = await db
		.selectFrom('rounds')
		.select('id')
		.where('program_id', '=', programId!)
		.where('wave', '=', 'pre')
		.executeTakeFirstOrThrow();
	const version = await db
		.selectFrom('instrument_versions')
		.select('id')
		.where('status', '=', 'published')
		.executeTakeFirstOrThrow();

	// A saved language is put in the cookie at sign-in, and the page that follows writes its
	// language back from the browser: each pass sets its own language instead, without that race.
	await db.updateTable('staff_users').set({ language: null }).execute();
	await enrolmentKey(db, coordinator.id);
	await db
		.updateTable('staff_two_factor')
		.set({ enrolled_at: Date.now() })
		.where('staff_user_id', '=', coordinator.id)
		.execute();
	const invitation = await inviteStaff(
		db,
		{
			organizationId: admin.organization_id,
			invitedBy: admin.id,
			email: 'new.coordinator@example.org',
			name: 'Nadia Roy',
			role: 'coordinator'
		},
		null
	);
	if (!invitation.ok) throw new Error(invitation.reason);
	const csv = 'role,name,email,language\nmentor,Ines Haddad,ines.example.org,en\n';

	const answeredProtege = await db
		.selectFrom('assignments')
		.innerJoin('participants', 'participants.id', 'assignments.participant_id')
		.select('participants.id')
		.where('participants.program_id', '=', seed.intakeProgramId)
		.where('participants.role', '=', 'protege')
		.where('assignments.status', '=', 'submitted')
		.orderBy('participants.name')
		.executeTakeFirstOrThrow();

	const fresh: FreshSurveys[] = [];
	for (const [index, language] of languages.entries())
		fresh.push(await freshSurveys(db, admin, version.id, index + 1, language));

	return {
		admin: DEMO_SIGN_IN,
		enrolled: { email: coordinator.email, password: DEMO_SIGN_IN.password },
		programId: programId!,
		intakeProgramId: seed.intakeProgramId,
		intakeProtegeId: answeredProtege.id,
		participantId: pair.mentorId,
		pairId: pair.pairId,
		roundId: round.id,
		importId: await storeUpload(db, admin, programId!, 'people.csv', csv),
		publishedVersionId: version.id,
		draftVersionId: (await openDraft(db, admin, version.id, null))!,
		itemKey: 'focus_job_leads',
		staffId: coordinator.id,
		invitationPath: `/invite/${invitation.token}`,
		fresh
	};
}

async function freshSurveys(
	db: Db,
	admin: StaffUserRow,
	versionId: string,
	pass: number,
	language: string
): Promise<FreshSurveys> {
	const program = await createTestProgram(db, admin, {
		name: `Conversation guide ${pass}`,
		pairsSeeSummary: true,
		offeredLanguages: ['en', 'fr', language]
	});
	const [mentorId] = await addPeople(db, admin, program.id, 'mentor', 1);
	const [protegeId] = await addPeople(db, admin, program.id, 'protege', 1);
	// The protégé's pages speak the protégé's language, whatever the browser asks for.
	await db.updateTable('participants').set({ language }).where('id', '=', protegeId!).execute();
	const pair = await createPair(
		db,
		admin,
		program,
		{ mentorId: mentorId!, protegeId: protegeId!, employerId: null, coordinatorId: admin.id },
		null
	);
	if (!pair.ok) throw new Error(pair.reason);
	const today = todayIn(DEFAULT_TIME_ZONE);
	const round = await openRound(
		db,
		admin,
		program,
		{ versionId, wave: 'pre', opensOn: today, closesOn: '2999-01-01' },
		null
	);
	if (!round.ok) throw new Error(round.reason);
	const survey = await surveyOf(db, round.roundId);
	const answer = async (
		role: 'mentor' | 'protege' | 'staff',
		who: { participantId: string } | { staffId: string },
		submit: boolean
	) =>
		answerSurvey(db, survey, role, await assignmentOf(db, round.roundId, who), lowEnd, { submit });
	await answer('mentor', { participantId: mentorId! }, true);
	await answer('protege', { participantId: protegeId! }, false);
	await answer('staff', { staffId: admin.id }, false);
	const token = await issueParticipantLink(db, protegeId!, Date.now() + DAY, admin.id);
	const signalsOf = {
		organizationId: admin.organization_id,
		programId: program.id,
		pairId: pair.pairId,
		personId: protegeId!,
		role: 'protege' as const
	};
	const checkInId = await waitingCheckIn(db, signalsOf, today);
	const exitSurveyId = await waitingExitSurvey(db, signalsOf);
	const followUpId = await waitingFollowUp(db, signalsOf, today);
	return {
		programId: program.id,
		roundId: round.roundId,
		pairId: pair.pairId,
		protegeLink: `/l/${token}`,
		checkInId,
		exitSurveyId,
		followUpId
	};
}
