import { expect, test } from '@playwright/test';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { sendDueCheckIns } from '../../src/lib/server/pulse/check-in-schedule';
import { addPeople, createTestProgram } from '../helpers/programs';
import { serverWithDatabase, shoot, signInNewAdmin } from './helpers';

const spec = serverWithDatabase();
const DAY = 86_400_000;

/** A pair started two weeks ago, so its first check-in (after 14 days) falls due today. */
async function pairOfTwoWeeks(staff: StaffUserRow, program: Program) {
	const { db } = spec;
	const [mentor] = await addPeople(db, staff, program.id, 'mentor', 1);
	const [protege] = await addPeople(db, staff, program.id, 'protege', 1);
	await db.updateTable('participants').set({ consented_at: Date.now() }).execute();
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
	return { pairId: pair.pairId, protegeId: protege! };
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
	await expect(page.getByRole('alert')).toContainText('Please answer this question.');
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
