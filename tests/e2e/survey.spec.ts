import { expect, test } from '@playwright/test';
import { openDatabase } from '../../src/lib/server/db/open';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { answerSurvey, shoot, signIn } from './helpers';

let server: RunningServer;
let programId: string;
test.beforeAll(async () => {
	server = await startServer();
	const db = openDatabase(server.databasePath);
	await createOrganizationWithStaff(db, 'Accueil', [
		{ email: 'ana@a.org', role: 'coordinator', name: 'Ana' }
	]);
	const ana = await db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	programId = (await createTestProgram(db, ana)).id;
	await addPeople(db, ana, programId, 'mentor', 1);
	await addPeople(db, ana, programId, 'protege', 1);
	await db
		.updateTable('participants')
		.set({ language: 'fr', name: 'Amina Diallo' })
		.where('role', '=', 'protege')
		.execute();
	await db.destroy();
});
test.afterAll(() => server?.stop());

test('a protégé answers half on a small phone without JavaScript, comes back and finishes in French', async ({
	browser
}) => {
	const staff = await signIn(browser, server, 'ana@a.org');
	await staff.goto(`${server.url}/programs/${programId}/rounds/new`);
	await staff.getByRole('button', { name: 'Open round' }).click();
	await expect(staff.getByText('Round opened: 3 people asked.')).toBeVisible();
	await staff.getByRole('checkbox', { name: 'Choose Amina Diallo' }).check();
	await staff.getByRole('button', { name: 'Make personal links for the people ticked' }).click();
	const link = (await staff
		.getByTestId('issued-links')
		.locator('.copy-box')
		.first()
		.textContent())!.trim();
	await shoot(staff, 'round-links');

	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false
	});
	const page = await phone.newPage();
	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'Avant de commencer' })).toBeVisible();
	await shoot(page, 'consent-fr-360');
	await page.getByRole('button', { name: 'J’accepte de répondre' }).click();
	await page.getByRole('link', { name: 'Commencer' }).click();
	await page.getByRole('button', { name: 'Continuer' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Choisissez une réponse pour « Plan de recherche d’emploi »'
	);
	await shoot(page, 'survey-errors-fr-360');

	const pickFirstOfEach = async () => {
		for (const group of await page.locator('fieldset.question').all())
			await group.locator('input').first().check();
		for (const number of await page.locator('input[inputmode="decimal"]').all())
			await number.fill('6');
	};
	await pickFirstOfEach();
	await page.getByRole('button', { name: 'Continuer' }).click();
	await expect(page.getByText('Page 2 sur')).toBeVisible();
	await pickFirstOfEach();
	await shoot(page, 'survey-page2-fr-360');
	await page.setViewportSize({ width: 320, height: 640 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await shoot(page, 'survey-page2-fr-320');
	await page.getByRole('button', { name: 'Enregistrer et finir plus tard' }).click();
	await expect(page.getByRole('status')).toContainText('Vos réponses sont enregistrées');
	await page.close();

	const again = await phone.newPage();
	await again.goto(link);
	await again.getByRole('link', { name: 'Continuer' }).click();
	await expect(again.getByText('Page 2 sur')).toBeVisible();
	await answerSurvey(again, 'fr', { number: '6' });
	await shoot(again, 'check-answers-fr-360', { fullPage: true });
	await again.getByRole('button', { name: 'Envoyer mes réponses' }).click();
	await expect(again.getByRole('heading', { name: 'Merci' })).toBeVisible();
	await shoot(again, 'thank-you-fr-360');
	await phone.close();

	await staff.getByRole('link', { name: 'Back to the round' }).click();
	await expect(staff.getByTestId('round-rates')).toContainText('100 %');
	await shoot(staff, 'round-rates');
});
