import { expect, test } from '@playwright/test';
import { addTestPair, createTestProgram } from '../helpers/programs';
import { serverWithDatabase, signInNewAdmin } from './helpers';

const spec = serverWithDatabase();

// On a slow connection the page is readable, and its forms usable, well before its script arrives.
// When the script then takes the page over, a form the reader opened must stay open with what they
// typed: CI once saw the page close the follow-up form under a test that had just filled it.
test('a form opened before the page script arrives stays open, with what was typed', async ({
	browser
}) => {
	const { server, db } = spec;
	const { page, staff } = await signInNewAdmin(browser, server, db);
	const program = await createTestProgram(db, staff);
	const pair = await addTestPair(db, staff, program);

	let letScriptsThrough!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (letScriptsThrough = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto(`${server.url}/programs/${program.id}/pairs/${pair.pairId}`, {
		waitUntil: 'domcontentloaded'
	});
	await page.getByText('Add a follow-up', { exact: true }).click();
	await page.getByLabel('What needs to be done').fill('Call the protégé about interview practice');
	await page.getByText('Add a note', { exact: true }).click();
	await page.getByLabel('New note').fill('Met both on video.');

	letScriptsThrough();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('What needs to be done')).toBeVisible();
	await expect(page.getByLabel('What needs to be done')).toHaveValue(
		'Call the protégé about interview practice'
	);
	await expect(page.getByLabel('New note')).toHaveValue('Met both on video.');
	await page.getByRole('button', { name: 'Add follow-up' }).click();
	await expect(page.getByText('Follow-up added.')).toBeVisible();
	await expect(page.getByTestId('follow-up')).toHaveCount(1);
});
