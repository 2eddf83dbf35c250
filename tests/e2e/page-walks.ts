import { expect, test, type Browser, type Page } from '@playwright/test';
import { openDatabase } from '../../src/lib/server/db/open';
import { startServer, type RunningServer } from '../helpers/server';
import type { PagePass } from './accessibility-audit';
import { staffPages } from './accessibility-pages';
import { buildAccessibilityWorld, type AccessibilityWorld } from './accessibility-world';

export interface Walks {
	/** The server with the accessibility world. */
	server: RunningServer;
	/** A server on an empty database, for first-run setup. */
	empty: RunningServer;
	world: AccessibilityWorld;
}

/** The password step with the pass's language: field names, not words. */
async function passwordStep(page: Page, email: string, password: string): Promise<void> {
	await page.locator('input[name="email"]').fill(email);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('main form button').first().click();
}

/**
 * Every sign-in and staff page type, as a new administrator and an enrolled coordinator reach
 * them: first-run setup (on `empty`), an invitation, both sign-in steps, every staff page, a
 * missing record, and the staff survey answered and sent (using up `world.fresh[index]`).
 */
export async function walkStaffPages(
	browser: Browser,
	audit: PagePass,
	{ server, empty, world }: Walks,
	index: number
): Promise<void> {
	const setupContext = await audit.context(browser, empty.url);
	const setup = await setupContext.newPage();
	await setup.goto(empty.setupLink());
	await expect(setup.locator('input[type="password"]').first()).toBeVisible();
	await audit.check(setup, '/(auth)/setup');
	await setupContext.close();

	const enrolledContext = await audit.context(browser, server.url);
	const enrolled = await enrolledContext.newPage();
	await enrolled.goto(`${server.url}${world.invitationPath}`);
	await expect(enrolled.locator('input[type="password"]').first()).toBeVisible();
	await audit.check(enrolled, '/(auth)/invite');
	await audit.visit(enrolled, '/(auth)/signin', `${server.url}/signin`);
	await passwordStep(enrolled, world.enrolled.email, world.enrolled.password);
	await expect(enrolled).toHaveURL(/\/signin\/two-factor/);
	await audit.speak(enrolledContext, server.url);
	await audit.visit(enrolled, '/(auth)/signin/two-factor', enrolled.url());
	await enrolledContext.close();

	const context = await audit.context(browser, server.url);
	const page = await context.newPage();
	await page.goto(`${server.url}/signin`);
	await passwordStep(page, world.admin.email, world.admin.password);
	await expect(page).toHaveURL(`${server.url}/`);
	await audit.speak(context, server.url);
	for (const [route, path] of staffPages(world)) await audit.visit(page, route, server.url + path);
	await audit.visit(page, 'not found', `${server.url}/programs/no-such-program`, 404);

	const { programId, roundId } = world.fresh[index]!;
	// The sheet of links exists only after making links, and only for the browser that made them.
	await page.goto(`${server.url}/programs/${programId}/rounds/${roundId}`);
	await page.locator('input[name="participantId"]').first().check();
	await page.getByRole('button', { name: audit.say('round_links_button') }).click();
	await expect(page).toHaveURL(/\/links\/[a-z2-7]+$/);
	await audit.check(page, '/(staff)/programs/[programId]/rounds/[roundId]/links/[sheetId]');
	const answer = `${server.url}/programs/${programId}/rounds/${roundId}/answer`;
	await page.goto(answer);
	await expect(page).toHaveURL(/\/answer\/page\/\d+$/);
	await audit.check(page, '/(staff)/programs/[programId]/rounds/[roundId]/answer/page/[page]');
	await audit.visit(
		page,
		'/(staff)/programs/[programId]/rounds/[roundId]/answer/check',
		`${answer}/check`
	);
	await page.getByRole('button', { name: audit.say('survey_submit') }).click();
	await expect(page).toHaveURL(`${answer}/done`);
	await audit.check(page, '/(staff)/programs/[programId]/rounds/[roundId]/answer/done');
	await context.close();
}

/** Every participant page type, from a protégé's first visit to withdrawing and a dead link. */
export async function walkParticipantPages(
	browser: Browser,
	audit: PagePass,
	{ server, world }: Walks,
	index: number
): Promise<void> {
	const { protegeLink, pairId, checkInId, exitSurveyId, followUpId } = world.fresh[index]!;
	const context = await audit.context(browser, server.url);
	const page = await context.newPage();

	await page.goto(server.url + protegeLink);
	await audit.check(page, '/(participant)/p/consent');
	await page.getByRole('button', { name: audit.say('p_consent_agree') }).click();
	await expect(page).toHaveURL(`${server.url}/p`);
	await audit.check(page, '/(participant)/p');
	await page.getByRole('link', { name: audit.say('p_continue') }).click();
	await expect(page).toHaveURL(/\/page\/\d+$/);
	await audit.check(page, '/(participant)/p/a/[assignmentId]/page/[page]');
	const survey = page.url().replace(/\/page\/\d+$/, '');
	await audit.visit(page, '/(participant)/p/a/[assignmentId]/check', `${survey}/check`);
	await page.getByRole('button', { name: audit.say('survey_submit') }).click();
	await expect(page).toHaveURL(`${survey}/done`);
	await audit.check(page, '/(participant)/p/a/[assignmentId]/done');
	await audit.visit(page, '/(participant)/p/guide/[pairId]', `${server.url}/p/guide/${pairId}`);
	await audit.visit(page, 'not found', `${server.url}/p/guide/no-such-pair`, 404);
	const agreement = `${server.url}/p/agreement/${pairId}`;
	await audit.visit(page, '/(participant)/p/agreement/[pairId]', agreement);
	// Four goals: the problem beside what was typed; then saved, to read and confirm.
	for (const box of (await page.locator('input[name="goals"]').all()).slice(0, 3))
		await box.check();
	await page.locator('input[name="goal_text_1"]').fill('Un objectif à nous');
	await page.getByRole('button', { name: audit.say('p_agreement_save') }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await audit.check(page, '/(participant)/p/agreement/[pairId]');
	await page.locator('input[name="goals"]').first().uncheck();
	await page.getByRole('button', { name: audit.say('p_agreement_save') }).click();
	await expect(page).toHaveURL(`${agreement}?saved`);
	await audit.check(page, '/(participant)/p/agreement/[pairId]');
	const checkIn = `${server.url}/p/check-in/${checkInId}`;
	await audit.visit(page, '/(participant)/p/check-in/[checkInId]', checkIn);
	// Sent with nothing chosen: the problems, then the page once answered.
	await page.getByRole('button', { name: audit.say('p_checkin_send') }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await audit.check(page, '/(participant)/p/check-in/[checkInId]');
	for (const [name, value] of [
		['in_touch', 'yes'],
		['going', '4'],
		['wants_contact', 'no']
	])
		await page.locator(`input[name="${name}"][value="${value}"]`).check();
	await page.getByRole('button', { name: audit.say('p_checkin_send') }).click();
	await expect(page).toHaveURL(`${server.url}/p?checked-in`);
	const exit = `${server.url}/p/exit/${exitSurveyId}`;
	await audit.visit(page, '/(participant)/p/exit/[exitSurveyId]', exit);
	await page.getByRole('button', { name: audit.say('p_checkin_send') }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await audit.check(page, '/(participant)/p/exit/[exitSurveyId]');
	await page.locator('input[name="met_expectations"][value="4"]').check();
	await page.locator('input[name="helped_most"][value="network"]').check();
	await page.getByRole('button', { name: audit.say('p_checkin_send') }).click();
	await expect(page).toHaveURL(`${server.url}/p?exit-sent`);
	// At work, without saying how she found it: the problem, then sent.
	const followUp = `${server.url}/p/follow-up/${followUpId}`;
	await audit.visit(page, '/(participant)/p/follow-up/[followUpId]', followUp);
	await page.locator('input[name="work"][value="employed_in_field"]').check();
	await page.getByRole('button', { name: audit.say('p_checkin_send') }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await audit.check(page, '/(participant)/p/follow-up/[followUpId]');
	await page.locator('input[name="found_through"][value="referral"]').check();
	await page.getByRole('button', { name: audit.say('p_checkin_send') }).click();
	await expect(page).toHaveURL(`${server.url}/p?followed-up`);
	await audit.visit(page, '/(participant)/p/withdraw', `${server.url}/p/withdraw`);
	await page.getByRole('button', { name: audit.say('p_withdraw_confirm') }).click();
	await expect(page).toHaveURL(`${server.url}/p/withdraw/done`);
	await audit.check(page, '/(participant)/p/withdraw/done');
	await page.goto(server.url + protegeLink);
	await expect(page).toHaveURL(`${server.url}/p/no-link`);
	await audit.check(page, '/(participant)/p/no-link');
	await context.close();
}

/**
 * A `test` whose `walks` are built once per worker, for `passes` passes: a worker fixture, unlike
 * `beforeAll` in a parallel file, lets each test go to whichever worker is free.
 */
export function testWithWalks(languages: readonly string[]) {
	return test.extend<object, { walks: Walks }>({
		walks: [
			// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern
			async ({}, use) => {
				const [server, empty] = await Promise.all([startServer(), startServer()]);
				const db = openDatabase(server.databasePath);
				const world = await buildAccessibilityWorld(db, languages);
				await db.destroy();
				await use({ server, empty, world });
				await Promise.all([server.stop(), empty.stop()]);
			},
			{ scope: 'worker', timeout: 120_000 }
		]
	});
}
