import { expect, test } from '@playwright/test';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { sendDueCheckIns } from '../../src/lib/server/pulse/check-in-schedule';
import { sendExitSurveys } from '../../src/lib/server/pulse/exit-surveys';
import { TEST_PASSWORD } from '../helpers/fixtures';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { addPeople, createTestProgram, participantInput } from '../helpers/programs';
import { serverWithDatabase, shoot, signInNewAdmin } from './helpers';

const spec = serverWithDatabase();
const DAY = 86_400_000;

/** A pair started two weeks ago, so its first check-in (after 14 days) falls due today. */
async function pairOfTwoWeeks(staff: StaffUserRow, program: Program) {
	const { db } = spec;
	const [mentor] = await addPeople(db, staff, program.id, 'mentor', 1);
	const [protege] = await addPeople(db, staff, program.id, 'protege', 1);
	await db
		.updateTable('participants')
		.set({ consented_at: Date.now() })
		.where('id', 'in', [mentor!, protege!])
		.execute();
	await db
		.updateTable('participants')
		.set({ name: 'Amina Diallo' })
		.where('id', '=', protege!)
		.execute();
	await db
		.updateTable('participants')
		.set({ name: 'Marc Tremblay' })
		.where('id', '=', mentor!)
		.execute();
	const pair = await createPair(
		db,
		staff,
		program,
		{ mentorId: mentor!, protegeId: protege!, employerId: null, coordinatorId: staff.id },
		null
	);
	if (!pair.ok) throw new Error(pair.reason);
	await db
		.updateTable('pairs')
		.set({ created_at: Date.now() - 14 * DAY - 60_000 })
		.where('id', '=', pair.pairId)
		.execute();
	return { pairId: pair.pairId, protegeId: protege!, mentorId: mentor! };
}

test('a protégé answers a check-in on a phone without JavaScript; the overview shows the pair raised with the reason', async ({
	browser
}) => {
	const { server, db } = spec;
	const { page: staffPage, staff } = await signInNewAdmin(browser, server, db);
	const program = await createTestProgram(db, staff, {
		startDate: '2026-01-01',
		endDate: '2999-01-01'
	});
	const { pairId, protegeId } = await pairOfTwoWeeks(staff, program);
	expect(await sendDueCheckIns(db, server.url, Date.now())).toBe(2);
	const link = `${server.url}/l/${await issueParticipantLink(db, protegeId, Date.now() + DAY, null)}`;

	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false
	});
	const page = await phone.newPage();
	await page.goto(link);
	await shoot(page, 'check-in-portal-360');
	await page.getByRole('link', { name: 'Answer (1 minute)' }).click();
	await expect(page.getByRole('heading', { name: 'Quick check-in' })).toBeVisible();
	// Sent with a question left out: the page says which, and keeps what was chosen.
	const inTouch = page.getByRole('group', {
		name: 'Have you been in touch in the last two weeks?'
	});
	const going = page.getByRole('group', { name: 'How is it going?' });
	const contact = page.getByRole('group', {
		name: 'Would you like the coordinator to contact you?'
	});
	await inTouch.getByText('No', { exact: true }).click();
	await page.getByRole('button', { name: 'Send' }).click();
	// The summary names each question left out; each says what is missing.
	await expect(page.getByRole('alert')).toContainText('How is it going?');
	await expect(page.getByRole('alert')).toContainText(
		'Would you like the coordinator to contact you?'
	);
	await expect(going).toContainText('Please answer this question.');
	await expect(inTouch.getByRole('radio', { name: 'No' })).toBeChecked();
	await shoot(page, 'check-in-missing-360', { fullPage: true });
	// One tap per question, then one to send.
	await going.getByText('2', { exact: true }).click();
	await contact.getByText('Yes', { exact: true }).click();
	await shoot(page, 'check-in-360', { fullPage: true });
	for (const group of [inTouch, going, contact]) {
		const box = (await group.getByRole('radio').first().locator('..').boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(44);
	}
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('status')).toHaveText('Thank you. Your check-in was sent.');
	await expect(page.getByRole('link', { name: 'Answer (1 minute)' })).toHaveCount(0);
	await phone.close();

	const answered = await db
		.selectFrom('pulse_check_ins')
		.select(['in_touch', 'going', 'wants_contact'])
		.where('participant_id', '=', protegeId)
		.executeTakeFirstOrThrow();
	expect(answered).toEqual({ in_touch: 0, going: 2, wants_contact: 1 });

	await staffPage.goto(`${server.url}/programs/${program.id}`);
	const attention = staffPage.getByTestId('attention');
	await expect(attention).toContainText('Amina Diallo');
	await expect(attention).toContainText(
		'At the latest check-in the protégé said it is not going well (2 of 5).'
	);
	await expect(attention).toContainText(
		'At the latest check-in the protégé asked for a coordinator to contact them.'
	);
	const trend = staffPage.getByRole('region', { name: 'Pulse check-ins' });
	await expect(trend).toContainText('1 of 2');
	await shoot(staffPage, 'check-in-overview-1280', { fullPage: true });
	await staffPage.goto(`${server.url}/programs/${program.id}/pairs/${pairId}`);
	const timeline = staffPage.getByRole('region', { name: 'Pulse check-ins' });
	await expect(timeline).toContainText(
		'Protégé: no contact in two weeks · going 2 of 5 · asks to be contacted'
	);
	await expect(timeline).toContainText('Mentor: no answer yet');
	await shoot(staffPage, 'check-in-pair-1280', { fullPage: true });
	await staffPage.setViewportSize({ width: 390, height: 844 });
	await shoot(staffPage, 'check-in-pair-390', { fullPage: true });
});

test('a coordinator ends a pair with its reason and pairs the protégé again; the protégé answers the exit survey', async ({
	browser
}) => {
	const { server, db } = spec;
	const staff = await db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await page.goto(`${server.url}/signin`);
	await page.getByLabel('Email address').fill(staff.email);
	await page.getByLabel('Password').fill(TEST_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	const program = await createTestProgram(db, staff, { name: 'Autumn cohort' });
	const { pairId, protegeId } = await pairOfTwoWeeks(staff, program);
	await insertParticipants(db, { organizationId: staff.organization_id, programId: program.id }, [
		participantInput({ role: 'mentor', name: 'Lucie Gagnon', email: 'lucie@example.org' })
	]);

	await page.goto(`${server.url}/programs/${program.id}/pairs/${pairId}`);
	await page.getByText('Change the status').click();
	await page.getByLabel('Ended early').check();
	await page.getByLabel('Reason', { exact: true }).fill('He has no time left this spring.');
	await page.getByRole('button', { name: 'Change status' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose why the pair ends.');
	await expect(page.getByLabel('Reason', { exact: true })).toHaveValue(
		'He has no time left this spring.'
	);
	await page.getByLabel('No more contact').check();
	await page.getByRole('button', { name: 'Change status' }).click();
	await expect(page.getByTestId('closure-reason')).toHaveText('Ended: No more contact');
	const rematch = page.getByRole('region', { name: 'Pair the protégé again' });
	await expect(rematch.getByLabel('New mentor')).toContainText('Lucie Gagnon');
	await shoot(page, 'pair-ended-1280', { fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await shoot(page, 'pair-ended-390', { fullPage: true });
	await rematch.getByRole('button', { name: 'Pair again' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Lucie Gagnon');
	await expect(
		page.getByText('after an earlier pair with Marc Tremblay that ended early')
	).toBeVisible();

	await page.goto(`${server.url}/programs/${program.id}`);
	const closures = page.getByRole('region', { name: 'Pairs that ended, by reason' });
	await expect(closures).toContainText('No more contact');
	await expect(closures).toContainText('1');

	// The scheduler's next pass sends each side the exit survey; the protégé answers it on a phone.
	expect(await sendExitSurveys(db, server.url)).toBe(2);
	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false
	});
	const protegePage = await phone.newPage();
	await protegePage.goto(
		`${server.url}/l/${await issueParticipantLink(db, protegeId, Date.now() + DAY, null)}`
	);
	await protegePage.getByRole('link', { name: 'Answer (1 minute)' }).last().click();
	await expect(
		protegePage.getByRole('heading', { name: 'Your mentoring has ended' })
	).toBeVisible();
	await protegePage
		.getByRole('group', { name: 'Did the mentoring meet what you expected?' })
		.getByText('2', { exact: true })
		.click();
	await protegePage.getByText('Contacts and networking').click();
	await shoot(protegePage, 'exit-survey-360', { fullPage: true });
	await protegePage.getByRole('button', { name: 'Send' }).click();
	await expect(protegePage.getByRole('status')).toHaveText('Thank you. Your answers were sent.');
	await phone.close();
	await page.goto(`${server.url}/programs/${program.id}/pairs/${pairId}`);
	await expect(page.getByRole('region', { name: 'Exit survey' })).toContainText(
		'Protégé: met expectations 2 of 5 · helped most: Contacts and networking'
	);
});

test('a mentor writes the pair’s agreement on a phone without JavaScript, the protégé confirms it, the coordinator reads it', async ({
	browser
}) => {
	const { server, db } = spec;
	const { page: staffPage, staff } = await signInNewAdmin(browser, server, db);
	const program = await createTestProgram(db, staff, {
		name: 'Agreement cohort',
		startDate: '2026-01-01',
		endDate: '2999-01-01'
	});
	const { pairId, protegeId, mentorId } = await pairOfTwoWeeks(staff, program);
	const linkOf = async (id: string) =>
		`${server.url}/l/${await issueParticipantLink(db, id, Date.now() + DAY, null)}`;
	const phone = async (id: string) => {
		const context = await browser.newContext({
			viewport: { width: 360, height: 740 },
			javaScriptEnabled: false
		});
		const page = await context.newPage();
		await page.goto(await linkOf(id));
		return { context, page };
	};

	const mentor = await phone(mentorId);
	await expect(
		mentor.page.getByText('Write down with Amina Diallo how you will work together.')
	).toBeVisible();
	await mentor.page.getByRole('link', { name: 'Open the agreement' }).click();
	await mentor.page
		.getByRole('group', { name: 'How often will you meet?' })
		.getByText('Every two weeks')
		.click();
	await mentor.page
		.getByRole('group', { name: 'How will you meet and talk?' })
		.getByText('Video call')
		.click();
	await mentor.page
		.getByRole('group', { name: 'Who starts contact?' })
		.getByText('The mentor')
		.click();
	await mentor.page
		.getByRole('textbox', { name: 'A goal in your own words' })
		.first()
		.fill('Practise a two-minute pitch');
	await shoot(mentor.page, 'agreement-form-360', { fullPage: true });
	await mentor.page.getByRole('button', { name: 'Save and confirm' }).click();
	await expect(mentor.page.getByRole('status')).toContainText(
		'Saved. When Amina Diallo confirms it too'
	);
	await expect(
		mentor.page.getByText('You confirmed. Waiting for Amina Diallo to confirm.')
	).toBeVisible();
	await mentor.context.close();

	const protege = await phone(protegeId);
	await expect(
		protege.page.getByText(
			'Marc Tremblay wrote down your agreement. Please read it and confirm it.'
		)
	).toBeVisible();
	await protege.page.getByRole('link', { name: 'Open the agreement' }).click();
	await expect(protege.page.getByText('Practise a two-minute pitch')).toBeVisible();
	await protege.page.getByRole('button', { name: 'I agree' }).click();
	await expect(protege.page.getByRole('status')).toHaveText(
		'Thank you. You confirmed the agreement.'
	);
	await expect(protege.page.getByText(/You both confirmed it on/)).toBeVisible();
	await shoot(protege.page, 'agreement-agreed-360', { fullPage: true });
	await protege.context.close();

	await staffPage.goto(`${server.url}/programs/${program.id}/pairs/${pairId}`);
	const agreement = staffPage.getByRole('region', { name: 'The pair’s agreement' });
	await expect(agreement).toContainText('Both confirmed it on');
	await expect(agreement).toContainText('Every two weeks');
	await expect(agreement).toContainText('Practise a two-minute pitch');
	await shoot(staffPage, 'agreement-pair-1280', { fullPage: true });
});
