import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyseProgram } from '../../src/lib/alignment/program-analysis';
import { describeReason } from '../../src/lib/analytics/reason-words';
import type { AgreementTerms } from '../../src/lib/pairs/agreement';
import { readAgreementForm } from '../../src/lib/server/agreements/agreement-form';
import {
	agreementState,
	confirmAgreement,
	findAgreementPair,
	listAgreementLinks,
	saveAgreement,
	type AgreementPair
} from '../../src/lib/server/agreements/agreements';
import { loadProgramEvidence } from '../../src/lib/server/analytics/program-evidence';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { eraseParticipant } from '../../src/lib/server/privacy/erase-participant';
import { generateId } from '../../src/lib/server/util/ids';
import { answerSurvey, assignmentOf, lowEnd, surveyOf } from '../helpers/answers';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound } from '../helpers/fixtures';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { addTestPair, createTestProgram, participantInput } from '../helpers/programs';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let ids: { pairId: string; mentorId: string; protegeId: string };

const DAY = 86_400_000;
const AGREED_AT = Date.parse('2027-03-10T17:00:00Z');

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	staff = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	program = await createTestProgram(t.db, staff, { pairsSeeSummary: true });
	ids = await addTestPair(t.db, staff, program);
});
afterEach(() => t.close());

async function asSide(participantId: string): Promise<AgreementPair> {
	const participant = await t.db
		.selectFrom('participants')
		.selectAll()
		.where('id', '=', participantId)
		.executeTakeFirstOrThrow();
	return (await findAgreementPair(t.db, participant, ids.pairId))!;
}

/** Both answer `pre`: the same rhythm, who starts, one shared way of meeting, shared topics. */
async function answerPre() {
	const round = await surveyOf(t.db, await openTestRound(t.db, staff, program, 'pre'));
	const both = { contact_frequency: ['3'], focus_interview: ['5'], focus_resume: ['4'] };
	await answerSurvey(
		t.db,
		round,
		'mentor',
		await assignmentOf(t.db, round.round.id, { participantId: ids.mentorId }),
		lowEnd,
		{
			changes: {
				...both,
				roles_start_contact: ['1'],
				contact_modes: ['video', 'in_person'],
				focus_job_leads: ['5'],
				focus_networking: ['5']
			}
		}
	);
	await answerSurvey(
		t.db,
		round,
		'protege',
		await assignmentOf(t.db, round.round.id, { participantId: ids.protegeId }),
		lowEnd,
		{
			changes: {
				...both,
				roles_start_contact: ['2'],
				contact_modes: ['video', 'phone'],
				focus_job_leads: ['4'],
				focus_networking: ['3']
			}
		}
	);
}

describe('writing and confirming an agreement', () => {
	it('is prefilled where both pre answers agree, confirmed by each side, and asked again after a change', async () => {
		await answerPre();
		const mentor = await asSide(ids.mentorId);
		const protege = await asSide(ids.protegeId);
		const { state } = await agreementState(t.db, mentor);
		// Every two weeks (step 3 both); "only" and "mostly the mentor" both mean the mentor;
		// video is the one way both chose; interview (5+5), job leads (5+4), résumé (4+4).
		expect(state).toMatchObject({ saved: false, prefilled: true });
		expect(state.terms).toEqual({
			frequency: 'every_two_weeks',
			modes: ['video'],
			starter: 'mentor',
			goals: [{ item: 'focus_interview' }, { item: 'focus_job_leads' }, { item: 'focus_resume' }]
		});

		const written: AgreementTerms = {
			...state.terms,
			goals: [{ item: 'focus_interview' }, { text: 'Practise a two-minute pitch' }]
		};
		await saveAgreement(t.db, mentor, written, AGREED_AT - DAY);
		const waiting = (await agreementState(t.db, protege)).state;
		expect(waiting).toMatchObject({
			saved: true,
			terms: written,
			confirmedByMe: false,
			confirmedByPartner: true,
			agreedAt: null
		});
		expect(
			(await listAgreementLinks(t.db, await participant(ids.protegeId))).map((l) => l.state)
		).toEqual(['to_confirm']);

		expect(await confirmAgreement(t.db, protege, waiting.version! - 1, AGREED_AT)).toBe(false);
		expect(await confirmAgreement(t.db, protege, waiting.version!, AGREED_AT)).toBe(true);
		expect((await agreementState(t.db, mentor)).state).toMatchObject({
			confirmedByMe: true,
			confirmedByPartner: true,
			agreedAt: AGREED_AT
		});

		// The protégé changes the rhythm: the mentor's confirmation no longer stands.
		await saveAgreement(t.db, protege, { ...written, frequency: 'weekly' }, AGREED_AT + DAY);
		expect((await agreementState(t.db, mentor)).state).toMatchObject({
			terms: { frequency: 'weekly' },
			confirmedByMe: false,
			confirmedByPartner: true,
			agreedAt: null
		});
	});

	it('refuses more than three goals or a goal too long, and no other pair is theirs', async () => {
		const keys = ['focus_interview', 'focus_resume', 'focus_job_leads'];
		const data = new FormData();
		for (const key of keys) data.append('goals', key);
		data.set('goal_text_1', 'A fourth goal');
		data.set('goal_text_2', 'x'.repeat(201));
		const read = readAgreementForm(data, keys);
		expect(read).toMatchObject({
			ok: false,
			errors: {
				goals: 'Choose at most 3 goals, counting the ones you wrote.',
				goal_text_2: 'Write this goal in at most 200 characters.'
			},
			values: { goals: keys, own: ['A fourth goal', 'x'.repeat(201)] }
		});
		const [strangerId] = await insertParticipants(
			t.db,
			{ organizationId: staff.organization_id, programId: program.id },
			[participantInput({ role: 'mentor', name: 'Sam', email: 'sam@example.org' })]
		);
		const stranger = await participant(strangerId!);
		expect(await findAgreementPair(t.db, stranger, ids.pairId)).toBeNull();
	});

	it('goes with an erased person’s pair talk', async () => {
		await saveAgreement(t.db, await asSide(ids.mentorId), {
			frequency: 'weekly',
			modes: [],
			starter: null,
			goals: [{ text: 'Meet Maria’s team' }]
		});
		await eraseParticipant(t.db, staff, await participant(ids.mentorId), 'anonymise', null);
		expect(await t.db.selectFrom('pair_agreements').selectAll().execute()).toEqual([]);
	});
});

async function participant(id: string) {
	return t.db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('comparing what happens with what was agreed', () => {
	async function agreementReasonsNow() {
		const { evidence } = await loadProgramEvidence(t.db, program);
		const risk = analyseProgram(evidence).pairs.find((p) => p.pairId === ids.pairId)!;
		const items = new Map(
			evidence.constructs.flatMap((c) => c.items).map((item) => [item.key, item])
		);
		return {
			status: risk.status,
			reasons: risk.reasons
				.filter((r) => r.reason.kind.startsWith('agreement_'))
				.map((r) => [r.level, describeReason(r.reason, items, 'en')])
		};
	}

	async function checkIn(
		role: 'mentor' | 'protege',
		step: number,
		inTouch: boolean,
		daysAfter: number
	) {
		await t.db
			.insertInto('pulse_check_ins')
			.values({
				id: generateId(),
				organization_id: staff.organization_id,
				program_id: program.id,
				pair_id: ids.pairId,
				participant_id: role === 'mentor' ? ids.mentorId : ids.protegeId,
				role,
				step,
				due_on: '2027-03-20',
				created_at: AGREED_AT,
				reminded_at: null,
				answered_at: AGREED_AT + daysAfter * DAY,
				in_touch: inTouch ? 1 : 0,
				going: 3,
				wants_contact: 0
			})
			.execute();
	}

	it('gives the reasons worked out by hand at mid, from the moment both confirm', async () => {
		await answerPre();
		const mentor = await asSide(ids.mentorId);
		const protege = await asSide(ids.protegeId);
		const terms: AgreementTerms = {
			frequency: 'every_two_weeks',
			modes: ['video'],
			starter: 'mentor',
			goals: [{ item: 'focus_interview' }, { text: 'Practise a two-minute pitch' }]
		};
		await saveAgreement(t.db, mentor, terms, AGREED_AT - DAY);
		// In touch at the first check-in (day 14); then no contact at day 44 and day 50.
		await checkIn('protege', 0, true, 14);
		await checkIn('mentor', 1, false, 44);
		await checkIn('protege', 1, false, 50);
		const mid = await surveyOf(t.db, await openTestRound(t.db, staff, program, 'mid'));
		await answerSurvey(
			t.db,
			mid,
			'mentor',
			await assignmentOf(t.db, mid.round.id, { participantId: ids.mentorId }),
			lowEnd,
			{
				changes: {
					contact_frequency_actual: ['4'],
					roles_start_contact_actual: ['2'],
					focus_interview_covered: ['1']
				}
			}
		);
		await answerSurvey(
			t.db,
			mid,
			'protege',
			await assignmentOf(t.db, mid.round.id, { participantId: ids.protegeId }),
			lowEnd,
			{
				changes: {
					contact_frequency_actual: ['5'],
					roles_start_contact_actual: ['4'],
					focus_interview_covered: ['3']
				}
			}
		);

		// Not yet agreed: only the mentor has confirmed, so nothing is compared.
		expect((await agreementReasonsNow()).reasons).toEqual([]);

		const version = (await agreementState(t.db, protege)).state.version!;
		expect(await confirmAgreement(t.db, protege, version, AGREED_AT)).toBe(true);
		// By hand: last contact reported on day 14, silence reported until day 50: 36 days, over
		// twice the agreed 14 → 5 weeks. The protégé meets "less than once a month", two steps
		// under "every two weeks" (at risk); the mentor "every month", one step (watch). The
		// protégé says mostly the mentee starts contact, against "the mentor". The mentor says the
		// agreed interview practice was not worked on at all.
		expect(await agreementReasonsNow()).toEqual({
			status: 'at_risk',
			reasons: [
				[
					'at_risk',
					'Agreed to meet every two weeks — the protégé says they meet less than once a month.'
				],
				['watch', 'Agreed to meet every two weeks — no contact reported for 5 weeks.'],
				['watch', 'Agreed to meet every two weeks — the mentor says they meet every month.'],
				[
					'watch',
					'Agreed who starts contact: the mentor — the protégé answers “Mostly the mentee” (4 of 5).'
				],
				[
					'watch',
					'Agreed goal “Interview practice” — the mentor says it has not been worked on at all.'
				]
			]
		});
	});
});
