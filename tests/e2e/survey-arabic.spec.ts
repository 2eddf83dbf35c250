import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../src/lib/server/db/open';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { shoot, signIn } from './helpers';

const ar = JSON.parse(readFileSync('src/lib/i18n/messages/ar.json', 'utf8')) as Record<
	string,
	string
>;
const SARA = 'سارة الأحمد';

let server: RunningServer;
let programId: string;
let pairId: string;
test.beforeAll(async () => {
	server = await startServer();
	const db = openDatabase(server.databasePath);
	await createOrganizationWithStaff(db, 'Accueil', [
		{ email: 'ana@a.org', role: 'coordinator', name: 'Ana' }
	]);
	const ana = await db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	const program = await createTestProgram(db, ana, { offeredLanguages: ['en', 'fr', 'ar'] });
	programId = program.id;
	const [mentorId] = await addPeople(db, ana, programId, 'mentor', 1);
	const [protegeId] = await addPeople(db, ana, programId, 'protege', 1);
	await db
		.updateTable('participants')
		.set({ language: 'ar', name: SARA })
		.where('id', '=', protegeId!)
		.execute();
	const pair = await createPair(
		db,
		ana,
		program,
		{ mentorId: mentorId!, protegeId: protegeId!, employerId: null, coordinatorId: null },
		null
	);
	if (!pair.ok) throw new Error(pair.reason);
	pairId = pair.pairId;
	await db.destroy();
});
test.afterAll(() => server?.stop());

async function expectLanguage(page: Page, lang: string, dir: 'rtl' | 'ltr') {
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
	await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

/** The first answer of every question and 6 in every number box. */
async function answerPage(page: Page) {
	for (const group of await page.locator('fieldset.question').all())
		await group.locator('input').first().check();
	for (const box of await page.locator('input[inputmode="decimal"]').all()) await box.fill('6');
}

test('an Arabic-speaking protégé answers on a 360 px phone without JavaScript, switching to English and back', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const staff = await signIn(browser, server, 'ana@a.org');
	await staff.goto(`${server.url}/programs/${programId}/rounds/new`);
	await staff.getByRole('button', { name: 'Open round' }).click();
	await staff.getByRole('checkbox', { name: `Choose ${SARA}` }).check();
	await staff.getByRole('button', { name: 'Make personal links for the people ticked' }).click();
	const link = (await staff
		.getByTestId('issued-links')
		.locator('.copy-box')
		.first()
		.textContent())!.trim();

	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false,
		locale: 'en-CA'
	});
	const page = await phone.newPage();
	await page.goto(link);
	// The browser asks for English; the person's language wins.
	await expect(page.getByRole('heading', { name: ar.p_consent_title })).toBeVisible();
	await expectLanguage(page, 'ar', 'rtl');
	await shoot(page, 'ar-consent-360', { fullPage: true });
	await page.getByRole('button', { name: ar.p_consent_agree }).click();
	await shoot(page, 'ar-home-360', { fullPage: true });
	await page.getByRole('link', { name: ar.p_start }).click();

	let number = 1;
	while (!(await page.getByRole('heading', { name: ar.survey_check_title }).isVisible())) {
		await expectLanguage(page, 'ar', 'rtl');
		await expect(page.locator('form[dir="rtl"][lang="ar"]')).toHaveCount(1);
		if (number === 1) {
			// Nothing chosen: the error summary and each question say so, in Arabic.
			await page.getByRole('button', { name: ar.survey_next, exact: true }).click();
			await expect(page.locator('.error-summary')).toBeVisible();
			await shoot(page, 'ar-survey-errors-360');
		}
		await answerPage(page);
		if (number === 2) {
			// Switch to English with what was chosen on this page kept, then back.
			const chosen = await page.locator('input:checked').count();
			await page.locator('.language-menu summary').click();
			await shoot(page, 'ar-language-menu-360');
			await page.getByRole('button', { name: 'English' }).click();
			await expectLanguage(page, 'en', 'ltr');
			await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
			await expect(page.locator('input:checked')).toHaveCount(chosen);
			await shoot(page, 'ar-switched-to-english-360', { fullPage: true });
			await page.locator('.language-menu summary').click();
			await page.getByRole('button', { name: 'العربية' }).click();
			await expectLanguage(page, 'ar', 'rtl');
			await expect(page.locator('input:checked')).toHaveCount(chosen);
		}
		await shoot(page, `ar-survey-page${number}-360`, { fullPage: true });
		await page.getByRole('button', { name: ar.survey_next, exact: true }).click();
		number++;
		expect(number).toBeLessThan(12);
	}
	await expectLanguage(page, 'ar', 'rtl');
	await shoot(page, 'ar-check-answers-360', { fullPage: true });
	await page.getByRole('button', { name: ar.survey_submit }).click();
	await expect(page.getByRole('heading', { name: ar.survey_sent_title })).toBeVisible();
	await shoot(page, 'ar-thank-you-360', { fullPage: true });
	await phone.close();

	await staff.goto(`${server.url}/programs/${programId}/pairs/${pairId}`);
	await expect(staff.locator('html')).toHaveAttribute('lang', 'en');
	await expect(staff.locator('bdi', { hasText: SARA }).first()).toBeVisible();
	// Her answers, given in Arabic, read in English beside her partner's column.
	await staff.getByText('Focus of the mentoring', { exact: true }).click();
	await expect(staff.getByRole('rowheader', { name: 'Job search plan' }).first()).toBeVisible();
	await shoot(staff, 'ar-pair-page-staff', { fullPage: true });
});
