import { expect, test } from '@playwright/test';
import { addTestPair, createTestProgram } from '../helpers/programs';
import { serverWithDatabase, shoot, signInNewAdmin } from './helpers';

const spec = serverWithDatabase();

test('a coordinator keeps notes and follow-ups on a pair, on a desktop and a phone', async ({
	browser
}) => {
	const { server, db } = spec;
	const { page, staff } = await signInNewAdmin(browser, server, db);
	const program = await createTestProgram(db, staff);
	const pair = await addTestPair(db, staff, program);
	await page.goto(`${server.url}/programs/${program.id}/pairs/${pair.pairId}`);
	// Each form sits behind its button under the reasons; after sending, the page comes back closed.
	const open = (action: string) => page.getByText(action, { exact: true }).click();

	await open('Add a follow-up');
	await page.getByLabel('What needs to be done').fill('Call the protégé about interview practice');
	await page.getByLabel('Who will do it (optional)').selectOption({ label: 'Amélie Tremblay' });
	await page.getByLabel('Due date (optional)').fill('2020-01-15');
	await page.getByRole('button', { name: 'Add follow-up' }).click();
	await expect(page.getByText('Follow-up added.')).toBeVisible();

	// Each follow-up lands before the next click: on a busy machine, marking one done while the last
	// was still on its way once lost its confirmation.
	const followUps = page.getByTestId('follow-up');
	await open('Add a follow-up');
	await page.getByLabel('What needs to be done').fill('Send the mentor the program guide');
	await page.getByRole('button', { name: 'Add follow-up' }).click();
	await expect(followUps).toHaveCount(2);
	await open('Add a follow-up');
	await page.getByLabel('What needs to be done').fill('Book the mid-program check-in');
	await page.getByLabel('Due date (optional)').fill('2099-06-01');
	await page.getByRole('button', { name: 'Add follow-up' }).click();
	await expect(followUps).toHaveCount(3);
	await page.getByRole('button', { name: /Mark done.*Send the mentor/ }).click();
	await expect(page.getByText('Follow-up marked done.')).toBeVisible();

	await open('Add a follow-up');
	await page.getByLabel('Due date (optional)').fill('');
	await page.getByRole('button', { name: 'Add follow-up' }).click();
	await expect(page.locator('.field.has-error')).toContainText('Say what needs to be done');

	await open('Add a note');
	await page
		.getByLabel('New note')
		.fill('Met both on video.\nThe protégé expects job referrals; the mentor does not.');
	await page.getByRole('button', { name: 'Add note' }).click();
	await expect(page.getByText('Note added.')).toBeVisible();
	await expect(followUps).toHaveCount(3);
	await expect(followUps.first()).toContainText('Overdue');
	await expect(followUps.last()).toContainText('Done');
	await expect(page.getByTestId('note')).toContainText('job referrals');
	await page.locator('#notebook').screenshot({ path: 'tests/e2e/screenshots/pair-notes-1280.png' });

	const phone = await browser.newContext({
		viewport: { width: 390, height: 844 },
		javaScriptEnabled: false
	});
	const url = new URL(page.url());
	await phone.addCookies([
		...(await page.context().cookies()),
		{ name: 'PARAGLIDE_LOCALE', value: 'fr', url: url.origin }
	]);
	const small = await phone.newPage();
	await small.goto(`${url.origin}${url.pathname}`);
	await expect(small.getByRole('heading', { name: 'Notes et suivis' })).toBeVisible();
	await expect(small.getByTestId('follow-up').first()).toContainText('En retard');
	await small
		.locator('#notebook')
		.screenshot({ path: 'tests/e2e/screenshots/pair-notes-390-fr.png' });
	const overflow = await small.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBe(0);
	await shoot(small, 'pair-page-390-fr', { fullPage: true });
	await phone.close();
});
