import { sql } from 'kysely';
import { recordAudit } from '../../src/lib/server/audit/audit';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import type { Db } from '../../src/lib/server/db/open';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { changePairStatusIn, createPair } from '../../src/lib/server/pairs/pair-actions';
import { addPairFollowUp } from '../../src/lib/server/pairs/pair-follow-ups';
import { addPairNote } from '../../src/lib/server/pairs/pair-notes';
import { storeUpload } from '../../src/lib/server/participants/participant-import';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { sendInvitations } from '../../src/lib/server/rounds/messaging';
import { recordConsent } from '../../src/lib/server/survey/answers';
import { answerSurvey, assignmentOf, highEnd, surveyOf } from './answers';
import { openTestRound } from './fixtures';
import { sessionThroughLink } from './participant-session';
import { createTestProgram } from './programs';

/** The person every privacy test erases, exports or lets go. */
export const MARIA = {
	name: 'María-José Núñez',
	email: 'mj.nunez@example.org',
	phone: '+1 514 555 0199'
};

/** Every way María may be written; none may remain after she is erased. */
export const MARIA_NEEDLES = [MARIA.name, MARIA.email, MARIA.phone, 'María-José', 'Núñez'];

const person = (
	role: 'mentor' | 'protege',
	name: string,
	email: string,
	extra: { phone?: string; occupation?: string; notes?: string } = {}
) => ({
	role,
	name,
	email,
	phone: extra.phone ?? null,
	language: 'en',
	occupation: extra.occupation ?? null,
	employerId: null,
	consentDate: '2027-02-20',
	notes: extra.notes ?? ''
});

export interface PrivacyWorld {
	program: Program;
	maria: string;
	pedro: string;
	olga: string;
	tom: string;
	/** Tom and María's mentoring pair, and Olga and Tom's. */
	mariaPair: string;
	otherPair: string;
	roundId: string;
	linkToken: string;
	sessionToken: string;
}

/**
 * A program where María (a mentor) has left traces everywhere Tandem keeps data: her row,
 * answers, a link and a session, invitations, her pair's notes, follow-ups and history, other
 * people's answers and notes that name her, an uploaded file and an audit detail.
 */
export async function buildPrivacyWorld(
	db: Db,
	staff: StaffUserRow,
	origin = 'https://tandem.example'
): Promise<PrivacyWorld> {
	const program = await createTestProgram(db, staff, {
		startDate: '2027-03-01',
		endDate: '2027-06-30'
	});
	const scope = { organizationId: staff.organization_id, programId: program.id };
	const [maria, pedro, olga, tom] = await insertParticipants(db, scope, [
		person('mentor', MARIA.name, MARIA.email, {
			phone: MARIA.phone,
			occupation: 'Civil engineer',
			notes: 'Prefers mornings'
		}),
		person('protege', 'Pedro Alves', 'pedro@example.org'),
		person('mentor', 'Olga Petrova', 'olga@example.org'),
		person('protege', 'Tom Baker', 'tom@example.org', {
			notes: `Met ${MARIA.email} at the job fair`
		})
	]);
	const pair = async (mentorId: string, protegeId: string) => {
		const input = { mentorId, protegeId, employerId: null, coordinatorId: null };
		const created = await createPair(db, staff, program, input, null);
		if (!created.ok) throw new Error(created.reason);
		return created.pairId;
	};
	const mariaPair = await pair(maria!, pedro!);
	const otherPair = await pair(olga!, tom!);
	for (const id of [maria!, pedro!, olga!, tom!]) await recordConsent(db, id);

	const roundId = await openTestRound(db, staff, program, 'pre', { opensOn: '2027-03-01' });
	const survey = await surveyOf(db, roundId);
	const answer = async (
		participantId: string,
		role: 'mentor' | 'protege',
		text: string,
		submit = true
	) =>
		answerSurvey(db, survey, role, await assignmentOf(db, roundId, { participantId }), highEnd, {
			changes: { check_in_anything_else: [text] },
			submit
		});
	// Still in progress, so her invitation (with her name, address and link) is in the outbox.
	await answer(maria!, 'mentor', 'I can only meet on Tuesdays', false);
	await answer(pedro!, 'protege', `${MARIA.name} already helped me with my résumé`);
	await answer(olga!, 'mentor', 'Núñez told me about this program');

	await changePairStatusIn(
		db,
		staff,
		program.id,
		mariaPair,
		{ status: 'paused', reason: 'Núñez is travelling in May' },
		null
	);
	await addPairNote(db, staff, mariaPair, 'Called María-José about the dates', null);
	await addPairNote(db, staff, otherPair, `Olga knows ${MARIA.name} from work`, null);
	await addPairFollowUp(
		db,
		staff,
		mariaPair,
		{ what: 'Send Núñez the guide', assigneeId: null, dueOn: null },
		null
	);

	const linkToken = await issueParticipantLink(db, maria!, Date.now() + 86_400_000, staff.id);
	const sessionToken = await sessionThroughLink(
		db,
		maria!,
		{ ip: '203.0.113.9', userAgent: 'María phone' },
		linkToken
	);
	const round = await db
		.selectFrom('rounds')
		.selectAll()
		.where('id', '=', roundId)
		.executeTakeFirstOrThrow();
	await sendInvitations(db, staff, round, origin, null);

	const csv = `role,name,email\nmentor,${MARIA.name},${MARIA.email}\nmentor,Olga Petrova,olga@example.org\n`;
	const uploadId = await storeUpload(db, staff, program.id, 'people.csv', csv);
	await db
		.updateTable('participant_imports')
		.set({ completed_at: Date.now() })
		.where('id', '=', uploadId)
		.execute();
	await storeUpload(db, staff, program.id, 'late.csv', csv);
	await recordAudit(db, {
		organizationId: staff.organization_id,
		actorStaffId: staff.id,
		action: 'participant.updated',
		targetType: 'participant',
		targetId: maria!,
		detail: { note: `fixed a typo in ${MARIA.email}` }
	});

	return {
		program,
		maria: maria!,
		pedro: pedro!,
		olga: olga!,
		tom: tom!,
		mariaPair,
		otherPair,
		roundId,
		linkToken,
		sessionToken
	};
}

/** Every text value of every column of every table that contains one of the needles. */
export async function findMentions(db: Db, needles: string[]): Promise<string[]> {
	const wanted = needles.map((n) => n.normalize('NFC').toLowerCase());
	const found: string[] = [];
	for (const table of await db.introspection.getTables()) {
		const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
			db
		);
		for (const row of rows.rows)
			for (const { name: column } of table.columns) {
				const value = row[column];
				if (typeof value !== 'string') continue;
				const text = value.normalize('NFC').toLowerCase();
				for (const needle of wanted)
					if (text.includes(needle)) found.push(`${table.name}.${column}: ${value.slice(0, 120)}`);
			}
	}
	return found;
}
