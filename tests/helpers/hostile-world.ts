import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import { createStaffSession } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db/open';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { createEmployer, setEmployerArchived } from '../../src/lib/server/employers/employers';
import { openDraft } from '../../src/lib/server/instruments/instruments';
import { duplicateInstrument } from '../../src/lib/server/instruments/transfer';
import { addPairFollowUp } from '../../src/lib/server/pairs/pair-follow-ups';
import { storeUpload } from '../../src/lib/server/participants/participant-import';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { inviteStaff } from '../../src/lib/server/staff/invitations';
import { answerSurvey, assignmentOf, highEnd, surveyOf } from './answers';
import { Visitor } from './browser-like';
import {
	createOrganizationWithStaff,
	openTestRound,
	publishedVersion,
	staffByEmail
} from './fixtures';
import {
	buildForeignOrganization,
	enrolTwoFactor,
	pairOf,
	participantVisitor,
	person,
	staffVisitor
} from './hostile-fixtures';
import { createTestProgram } from './programs';

/** Who sends a request. `anonymous` is a fresh browser every time. */
export type ActorName =
	| 'anonymous'
	| 'setup'
	| 'invitee'
	| 'pending'
	| 'leaver'
	| 'admin'
	| 'coordinator'
	| 'account'
	| 'participant'
	| 'submitter'
	| 'quitter';

/** Texts a stored-XSS or formula check needs to find again in pages and files. */
export const STORED_ANSWER = {
	markup: '<script>alert("stored-answer")</script>',
	formula: '=HYPERLINK("http://evil.example","stored-answer")'
};

/**
 * Two organizations on one server. Organization A holds one record for each kind of form, some
 * of them there only to be changed for good (disabled, withdrawn, erased, closed, published);
 * organization B's ids are what A's people try to reach.
 */
export interface HostileWorld {
	db: Db;
	url: string;
	ada: StaffUserRow;
	cody: StaffUserRow;
	samId: string;
	programId: string;
	/** A program only for the edit and new-round forms. */
	otherProgramId: string;
	mentorFree: string;
	protegeFree: string;
	editMe: string;
	withdrawMe: string;
	eraseMe: { id: string; name: string };
	pairId: string;
	answeredPairId: string;
	followUpId: string;
	roundId: string;
	/** A round only for close, links, latecomers and mail. */
	spareRoundId: string;
	participantAssignment: string;
	submitterAssignment: string;
	publishedVersionId: string;
	draftId: string;
	publishDraftId: string;
	employerId: string;
	archivedEmployerId: string;
	importId: string;
	revokeInvitationId: string;
	otherSessionId: string;
	linkTokens: string[];
	/** Real ids of organization B's records. */
	foreignIds: string[];
	actors: Record<Exclude<ActorName, 'anonymous'>, Visitor>;
}

/** `setup`: the browser that opened the first-run link before anyone set Tandem up. */
export async function buildHostileWorld(
	db: Db,
	url: string,
	setup: Visitor
): Promise<HostileWorld> {
	const a = await createOrganizationWithStaff(db, 'Org A', [
		{ email: 'ada@a.org', role: 'admin', name: 'Ada' },
		{ email: 'cody@a.org', role: 'coordinator', name: 'Cody' },
		{ email: 'pat@a.org', role: 'coordinator', name: 'Pat' },
		{ email: 'sam@a.org', role: 'coordinator', name: 'Sam' },
		{ email: 'tess@a.org', role: 'coordinator', name: 'Tess' },
		{ email: 'lee@a.org', role: 'coordinator', name: 'Lee' }
	]);
	const [adaId, codyId, patId, samId, tessId, leeId] = a.staffIds as [string, ...string[]];
	const ada = await staffByEmail(db, 'ada@a.org');
	const cody = await staffByEmail(db, 'cody@a.org');
	const program = await createTestProgram(db, cody, { name: 'Spring cohort' });
	const other = await createTestProgram(db, cody, { name: 'Autumn cohort' });
	const scope = { organizationId: a.organizationId, programId: program.id };
	const [m1, p1, m2, p2, m3, p3, editMe, withdrawMe, eraseMe, quitter] = (await insertParticipants(
		db,
		scope,
		[
			person('mentor', 'Mona Mentor'),
			person('protege', 'Paul Protege'),
			person('mentor', 'Max Mentor'),
			person('protege', 'Pia Protege'),
			person('mentor', 'Mel Free'),
			person('protege', 'Pam Free'),
			person('protege', 'Eddie Edit'),
			person('mentor', 'Wendy Withdraw'),
			person('mentor', 'Erin Erase'),
			person('protege', 'Quinn Quit')
		]
	)) as [string, ...string[]];
	const pairId = await pairOf(db, cody, program, m1, p1!);
	const answeredPairId = await pairOf(db, cody, program, m2!, p2!);
	const followUp = await addPairFollowUp(
		db,
		cody,
		pairId,
		{ what: 'Call both', assigneeId: null, dueOn: null },
		null
	);
	if (!followUp.ok) throw new Error(followUp.reason);
	const roundId = await openTestRound(db, cody, program, 'pre');
	const spareRoundId = await openTestRound(db, cody, program, 'mid');

	// Max answered and sent his survey with text a page or a spreadsheet could run.
	const survey = await surveyOf(db, roundId);
	await answerSurvey(
		db,
		survey,
		'mentor',
		await assignmentOf(db, roundId, { participantId: m2! }),
		highEnd,
		{
			changes: { check_in_anything_else: [`${STORED_ANSWER.formula} ${STORED_ANSWER.markup}`] }
		}
	);
	// Pia answered everything but has not sent it: her first good "send" goes through.
	const submitterAssignment = await assignmentOf(db, roundId, { participantId: p2! });
	await answerSurvey(db, survey, 'protege', submitterAssignment, highEnd, { submit: false });

	const publishedVersionId = await publishedVersion(db, a.organizationId);
	const draftId = (await openDraft(db, cody, publishedVersionId, null))!;
	const publishDraftId = (await duplicateInstrument(db, cody, publishedVersionId, null))!;
	const employerId = await createEmployer(db, a.organizationId, 'Maple Ltd');
	const archivedEmployerId = await createEmployer(db, a.organizationId, 'Old Oak Inc');
	await setEmployerArchived(db, archivedEmployerId, true);
	const importId = await storeUpload(
		db,
		cody,
		program.id,
		'people.csv',
		'role,name,email,language\nmentor,Iris Import,iris@example.org,en\n'
	);

	const invite = (name: string) =>
		inviteStaff(
			db,
			{
				organizationId: a.organizationId,
				invitedBy: adaId,
				name,
				email: `${name.toLowerCase()}@a.org`,
				role: 'coordinator'
			},
			null
		);
	const ivy = await invite('Ivy');
	await invite('Rex');
	const rex = await db
		.selectFrom('one_time_tokens')
		.select('id')
		.where('email', '=', 'rex@a.org')
		.executeTakeFirstOrThrow();
	if (!ivy.ok) throw new Error(ivy.reason);

	const tess = await staffVisitor(db, url, tessId!);
	await enrolTwoFactor(tess);
	const account = await staffVisitor(db, url, patId!);
	// Opening the two-factor page makes the key it shows; a refused code must not be the first.
	await account.get('/account/two-factor');
	const otherTab = await createStaffSession(db, patId!, { ip: null, userAgent: 'other tab' });
	const invitee = new Visitor(url);
	await invitee.get(`/invite/${ivy.token}`);

	const linkTokens = [
		await issueParticipantLink(db, p1!, Date.now() + 86_400_000, codyId!),
		await issueParticipantLink(db, m1, Date.now() - 1000, codyId!)
	];

	return {
		db,
		url,
		ada,
		cody,
		samId: samId!,
		programId: program.id,
		otherProgramId: other.id,
		mentorFree: m3!,
		protegeFree: p3!,
		editMe: editMe!,
		withdrawMe: withdrawMe!,
		eraseMe: { id: eraseMe!, name: 'Erin Erase' },
		pairId,
		answeredPairId,
		followUpId: followUp.followUpId,
		roundId,
		spareRoundId,
		participantAssignment: await assignmentOf(db, roundId, { participantId: p1! }),
		submitterAssignment,
		publishedVersionId,
		draftId,
		publishDraftId,
		employerId,
		archivedEmployerId,
		importId,
		revokeInvitationId: rex.id,
		otherSessionId: otherTab.session.id,
		linkTokens,
		foreignIds: await buildForeignOrganization(db),
		actors: {
			setup,
			invitee,
			pending: await staffVisitor(db, url, tessId!),
			leaver: await staffVisitor(db, url, leeId!),
			admin: await staffVisitor(db, url, adaId),
			coordinator: await staffVisitor(db, url, codyId!),
			account,
			participant: await participantVisitor(db, url, p1!),
			submitter: await participantVisitor(db, url, p2!),
			quitter: await participantVisitor(db, url, quitter!)
		}
	};
}
