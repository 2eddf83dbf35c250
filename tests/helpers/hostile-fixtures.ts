import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { createStaffSession } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db/open';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createEmployer } from '../../src/lib/server/employers/employers';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { recordConsent } from '../../src/lib/server/survey/answers';
import { assignmentOf } from './answers';
import { Visitor } from './browser-like';
import {
	createOrganizationWithStaff,
	openTestRound,
	publishedVersion,
	staffByEmail
} from './fixtures';
import { sessionThroughLink } from './participant-session';
import { createTestProgram } from './programs';

export const person = (role: 'mentor' | 'protege' | 'employer', name: string) => ({
	role,
	name,
	email: `${name.toLowerCase().replaceAll(' ', '.')}@example.org`,
	phone: null,
	language: 'en',
	occupation: null,
	employerId: null,
	consentDate: null,
	notes: ''
});

export async function staffVisitor(db: Db, url: string, staffId: string): Promise<Visitor> {
	const { token } = await createStaffSession(db, staffId, { ip: null, userAgent: 'hostile' });
	const visitor = new Visitor(url);
	visitor.cookies.set('tandem_session', token);
	return visitor;
}

export async function participantVisitor(
	db: Db,
	url: string,
	participantId: string
): Promise<Visitor> {
	await recordConsent(db, participantId);
	const token = await sessionThroughLink(db, participantId, { ip: null, userAgent: 'hostile' });
	const visitor = new Visitor(url);
	visitor.cookies.set('tandem_link', token);
	return visitor;
}

export async function pairOf(
	db: Db,
	staff: StaffUserRow,
	program: Program,
	mentor: string,
	protege: string
) {
	const input = { mentorId: mentor, protegeId: protege, employerId: null, coordinatorId: null };
	const created = await createPair(db, staff, program, input, null);
	if (!created.ok) throw new Error(created.reason);
	return created.pairId;
}

/** Turns on two-factor sign-in for a staff member, the way they would on the account page. */
export async function enrolTwoFactor(visitor: Visitor): Promise<void> {
	const page = await (await visitor.get('/account/two-factor')).text();
	const typed = page.match(/data-testid="totp-key"[^>]*>([^<]+)</)?.[1]?.trim();
	if (!typed) throw new Error('no two-factor key on the set-up page');
	const key = decodeBase32IgnorePadding(typed.replaceAll(' ', ''));
	const code = generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000)), 6);
	const confirmed = await visitor.post('/account/two-factor?/confirm', { code });
	if (confirmed.status !== 200) throw new Error(`two-factor enrolment: ${confirmed.status}`);
}

/** Organization B: a program, two people, a pair, a round, an employer; returns their ids. */
export async function buildForeignOrganization(db: Db): Promise<string[]> {
	const b = await createOrganizationWithStaff(db, 'Org B', [
		{ email: 'ben@b.org', role: 'admin', name: 'Ben' }
	]);
	const ben = await staffByEmail(db, 'ben@b.org');
	const program = await createTestProgram(db, ben, { name: 'B cohort' });
	const scope = { organizationId: b.organizationId, programId: program.id };
	const [mentor, protege] = await insertParticipants(db, scope, [
		person('mentor', 'Bert Mentor'),
		person('protege', 'Bea Protege')
	]);
	const pairId = await pairOf(db, ben, program, mentor!, protege!);
	const roundId = await openTestRound(db, ben, program, 'pre');
	const assignment = await assignmentOf(db, roundId, { participantId: protege! });
	const employerId = await createEmployer(db, b.organizationId, 'B Employer');
	const versionId = await publishedVersion(db, b.organizationId);
	return [
		b.organizationId,
		ben.id,
		program.id,
		mentor!,
		protege!,
		pairId,
		roundId,
		assignment,
		employerId,
		versionId
	];
}
