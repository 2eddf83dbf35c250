import { waitingCheckIn, waitingExitSurvey, waitingFollowUp } from '../helpers/pair-signals';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import { createStaffSession } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db/open';
import type { ParticipantRole } from '../../src/lib/server/db/schema';
import { createEmployer } from '../../src/lib/server/employers/employers';
import { openDraft } from '../../src/lib/server/instruments/instruments';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import { duplicateInstrument } from '../../src/lib/server/instruments/transfer';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { addPairFollowUp } from '../../src/lib/server/pairs/pair-follow-ups';
import { storeUpload } from '../../src/lib/server/participants/participant-import';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { makeLinkSheet } from '../../src/lib/server/rounds/link-sheets';
import { inviteStaff, listPendingInvitations } from '../../src/lib/server/staff/invitations';
import { recordConsent } from '../../src/lib/server/survey/answers';
import { assignmentOf } from '../helpers/answers';
import {
	createOrganizationWithStaff,
	openTestRound,
	publishedVersion,
	staffByEmail
} from '../helpers/fixtures';
import { createTestProgram } from '../helpers/programs';

export const ORG_1 = 'Maple Settlement Services';
export const ORG_2 = 'Harbour Newcomer Centre';

/** Who is who; every name is unusual enough that finding it in a page means it leaked. */
export const PEOPLE = {
	coordinator1: { email: 'ines.moreau@maple.example', name: 'Ines Moreau' },
	admin1: { email: 'jonas.berg@maple.example', name: 'Jonas Berg' },
	coordinator2: { email: 'kofi.mensah@harbour.example', name: 'Kofi Mensah' },
	mentorA: { role: 'mentor', name: 'Bruno Lefebvre', email: 'bruno@maple.example' },
	protegeA: { role: 'protege', name: 'Amara Okafor', email: 'amara@maple.example' },
	mentorB: { role: 'mentor', name: 'Chen Wei', email: 'chen@maple.example' },
	protegeB: { role: 'protege', name: 'Dalia Haddad', email: 'dalia@maple.example' },
	employer: { role: 'employer', name: 'Erik Lindqvist', email: 'erik@northwind.example' },
	mentorC: { role: 'mentor', name: 'Farah Siddiqui', email: 'farah@maple.example' },
	protegeC: { role: 'protege', name: 'Goran Petrovic', email: 'goran@maple.example' }
} as const;

const PROGRAM_NAME = 'Maple Spring IT cohort';
const EMPLOYER_NAME = 'Northwind Logistics';

type OneEach = { coordinator1: string; admin1: string };

/** The records every row of the matrix points at: all of organization 1. */
export interface World {
	/** A value for every `[param]` of a route: pair A, protégé A and their survey. */
	params: Record<string, string>;
	/** Drafts and pending imports for each staff member allowed to publish or confirm one. */
	drafts: OneEach;
	imports: OneEach;
	mentorC: string;
	protegeC: string;
	employerId: string;
	followUpId: string;
	invitationId: string;
	/** A second session of coordinator 1 (another device). */
	otherSessionId: string;
	/** Personal links that open a participant session. */
	links: { protegeA: string; mentorB: string; employer: string };
	staffIds: { coordinator1: string; admin1: string; coordinator2: string };
	participantIds: { protegeA: string; mentorB: string; employer: string };
	/** Names of both organizations' people and records: none may show in a refusal. */
	names: { org1: string[]; org2: string[] };
}

function person(role: ParticipantRole, name: string, email: string, employerId: string | null) {
	return {
		role,
		name,
		email,
		phone: null,
		language: 'en',
		occupation: null,
		employerId,
		consentDate: null,
		notes: ''
	};
}

/**
 * Organization 1: a program with pair A (protégé A and a mentor), pair B, an employer contact,
 * two people not yet paired, an open `pre` round, a draft survey, a pending import, a follow-up
 * and a pending staff invitation. Organization 2: one coordinator and nothing else.
 */
export async function buildWorld(db: Db): Promise<World> {
	const { coordinator1, admin1, coordinator2 } = PEOPLE;
	const org1 = await createOrganizationWithStaff(db, ORG_1, [
		{ ...coordinator1, role: 'coordinator' },
		{ ...admin1, role: 'admin' }
	]);
	const org2 = await createOrganizationWithStaff(db, ORG_2, [
		{ ...coordinator2, role: 'coordinator' }
	]);
	const staff = await staffByEmail(db, coordinator1.email);
	const program = await createTestProgram(db, staff, {
		name: PROGRAM_NAME,
		pairsSeeSummary: true
	});
	const employerId = await createEmployer(db, org1.organizationId, EMPLOYER_NAME);
	const order = [
		'mentorA',
		'protegeA',
		'mentorB',
		'protegeB',
		'employer',
		'mentorC',
		'protegeC'
	] as const;
	const ids = await insertParticipants(
		db,
		{ organizationId: org1.organizationId, programId: program.id },
		order.map((key) => {
			const { role, name, email } = PEOPLE[key];
			return person(role, name, email, key === 'employer' ? employerId : null);
		})
	);
	const id = Object.fromEntries(order.map((key, i) => [key, ids[i]!])) as Record<
		(typeof order)[number],
		string
	>;
	for (const participantId of ids) await recordConsent(db, participantId);

	const pair = async (mentorId: string, protegeId: string) => {
		const input = { mentorId, protegeId, employerId, coordinatorId: null };
		const created = await createPair(db, staff, program, input, null);
		if (!created.ok) throw new Error(created.reason);
		return created.pairId;
	};
	const pairA = await pair(id.mentorA, id.protegeA);
	await pair(id.mentorB, id.protegeB);

	const publishedId = await publishedVersion(db, org1.organizationId);
	const roundId = await openTestRound(db, staff, program, 'pre');

	const drafts = {
		coordinator1: (await openDraft(db, staff, publishedId, null))!,
		admin1: (await duplicateInstrument(db, staff, publishedId, null))!
	};
	const draft = await loadVersionDocument(db, drafts.coordinator1);
	const itemKey = draft!.constructs[0]!.items[0]!.key;
	const upload = (name: string) =>
		storeUpload(
			db,
			staff,
			program.id,
			'people.csv',
			`role,name,email,language\nmentor,${name},${name.split(' ')[0]!.toLowerCase()}@maple.example,en\n`
		);
	const imports = { coordinator1: await upload('Hana Sato'), admin1: await upload('Ivo Dimitrov') };
	const followUp = await addPairFollowUp(
		db,
		staff,
		pairA,
		{ what: 'Call Amara about the first meeting', assigneeId: null, dueOn: null },
		null
	);
	if (!followUp.ok) throw new Error(followUp.reason);
	const invited = { email: 'lena.novak@maple.example', name: 'Lena Novak' };
	await inviteStaff(
		db,
		{
			organizationId: org1.organizationId,
			invitedBy: org1.staffIds[1]!,
			...invited,
			role: 'coordinator'
		},
		null
	);
	const [invitation] = await listPendingInvitations(db, org1.organizationId);
	// Protégé A's first pulse check-in about pair A, and an exit survey, both waiting.
	const signalsOf = {
		organizationId: org1.organizationId,
		programId: program.id,
		pairId: pairA,
		personId: id.protegeA,
		role: 'protege' as const
	};
	const checkInId = await waitingCheckIn(db, signalsOf, '2026-01-15');
	const exitSurveyId = await waitingExitSurvey(db, signalsOf);
	const followUpId = await waitingFollowUp(db, signalsOf, '2026-09-30');
	const other = await createStaffSession(db, staff.id, { ip: null, userAgent: 'Other device' });

	// Coordinator 1's sheet of links; the matrix's browsers never hold its key.
	const sheet = await makeLinkSheet(db, staff, program, { id: roundId }, [id.mentorC], '', null);

	const expires = Date.now() + 86_400_000;
	const link = (participantId: string) =>
		issueParticipantLink(db, participantId, expires, staff.id);
	return {
		params: {
			programId: program.id,
			pairId: pairA,
			participantId: id.protegeA,
			roundId,
			assignmentId: await assignmentOf(db, roundId, { participantId: id.protegeA }),
			versionId: publishedId,
			itemKey,
			importId: imports.coordinator1,
			staffId: staff.id,
			sheetId: sheet.sheetId,
			token: await link(id.protegeA),
			page: '1',
			checkInId,
			exitSurveyId,
			followUpId
		},
		drafts,
		imports,
		mentorC: id.mentorC,
		protegeC: id.protegeC,
		employerId,
		followUpId: followUp.followUpId,
		invitationId: invitation!.id,
		otherSessionId: other.session.id,
		links: {
			protegeA: await link(id.protegeA),
			mentorB: await link(id.mentorB),
			employer: await link(id.employer)
		},
		staffIds: {
			coordinator1: org1.staffIds[0]!,
			admin1: org1.staffIds[1]!,
			coordinator2: org2.staffIds[0]!
		},
		participantIds: { protegeA: id.protegeA, mentorB: id.mentorB, employer: id.employer },
		names: {
			org1: [
				ORG_1,
				PROGRAM_NAME,
				EMPLOYER_NAME,
				coordinator1.name,
				admin1.name,
				invited.name,
				...order.flatMap((key) => [PEOPLE[key].name, PEOPLE[key].email])
			],
			org2: [ORG_2, coordinator2.name]
		}
	};
}
