import { expect, test, type Browser, type Page } from '@playwright/test';
import { openDatabase } from '../../src/lib/server/db/open';
import { DEMO_SIGN_IN, seedDemo } from '../../src/lib/server/demo/seed-demo';
import { startServer, type RunningServer } from '../helpers/server';
import { shoot } from './helpers';

// The demo's intake: 14 protégés and 11 mentors, nobody paired, most of them with `pre` answers.
let server: RunningServer;
let intakeId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startServer();
	const db = openDatabase(server.databasePath);
	intakeId = (await seedDemo(db)).intakeProgramId;
	await db.destroy();
});
test.afterAll(async () => {
	await server?.stop();
});

async function signedInPage(
	browser: Browser,
	options: { width: number; height: number; javaScript: boolean }
): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: options.width, height: options.height },
		javaScriptEnabled: options.javaScript
	});
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: server.url }]);
	const page = await context.newPage();
	await page.goto(`${server.url}/signin`);
	await page.locator('input[name="email"]').fill(DEMO_SIGN_IN.email);
	await page.locator('input[name="password"]').fill(DEMO_SIGN_IN.password);
	await page.locator('main form button').first().click();
	await expect(page).toHaveURL(`${server.url}/`);
	return page;
}

/** Each suggestion's names as the pages write them, with its predicted status. */
async function suggestions(page: Page): Promise<Map<string, string>> {
	const cards = await page
		.getByTestId('candidate')
		.evaluateAll((items) =>
			items.map((item) => [
				item.querySelector('.names')!.textContent!.trim(),
				item.getAttribute('data-status')!
			])
		);
	return new Map(cards as [string, string][]);
}

test('on a phone without JavaScript: a pair made by hand against the suggestions shows its prediction first, and a lock changes the suggestions', async ({
	browser
}) => {
	const page = await signedInPage(browser, { width: 390, height: 844, javaScript: false });
	await page.goto(`${server.url}/programs/${intakeId}`);

	// First come, same field: Deepak Menon with Andrew Ferguson, both in software, far apart.
	const choose = async (select: string, name: string) => {
		const option = page.locator(`${select} option`, { hasText: name });
		await page.locator(select).selectOption((await option.getAttribute('value'))!);
	};
	await choose('#field-mentorId', 'Andrew Ferguson');
	await choose('#field-protegeId', 'Deepak Menon');
	await page.locator('form[action="?/pair"] button').click();
	const preview = page.getByTestId('pair-preview');
	await expect(preview).toBeVisible();
	const [chosen, suggested] = await preview.getByTestId('candidate').all();
	await expect(chosen!).toHaveAttribute('data-status', 'at_risk');
	await expect(chosen!).toContainText('Andrew Ferguson with Deepak Menon');
	await expect(suggested!).toHaveAttribute('data-status', 'ok');
	await shoot(page, 'matching-manual-preview-390');
	// Not confirmed: nothing was made.
	await page.goto(`${server.url}/programs/${intakeId}`);
	await expect(page.getByTestId('pair-row')).toHaveCount(0);

	// The suggestions, then "never suggest" on the first one.
	await page.getByRole('link', { name: 'Suggest pairs' }).click();
	await expect(page).toHaveURL(`${server.url}/programs/${intakeId}/matching`);
	const before = await suggestions(page);
	expect(before.size).toBe(12);
	expect([...before.values()].every((status) => status === 'ok')).toBe(true);
	const [first] = [...before.keys()];
	await shoot(page, 'matching-suggestions-390');
	await page
		.getByTestId('candidate')
		.first()
		.locator('xpath=..')
		.getByRole('button', { name: 'Never suggest this pair' })
		.click();
	await expect(page).toHaveURL(`${server.url}/programs/${intakeId}/matching`);
	await expect(page.getByRole('status')).toContainText('Lock saved');
	await expect(page.getByTestId('locks')).toContainText('Never pair');
	const after = await suggestions(page);
	expect(after.has(first!)).toBe(false);
	expect([...after.values()].includes('at_risk')).toBe(false);

	// Removed again: the first suggestion is back.
	await page.getByTestId('locks').getByRole('button', { name: 'Remove' }).click();
	expect((await suggestions(page)).has(first!)).toBe(true);
});

test('accept the suggestions: the new pairs appear on the overview with the predicted statuses', async ({
	browser
}) => {
	const page = await signedInPage(browser, { width: 1280, height: 800, javaScript: true });
	await page.goto(`${server.url}/programs/${intakeId}/matching`);
	const predicted = await suggestions(page);
	expect(predicted.size).toBe(12);
	await expect(page.getByTestId('unmatched')).toContainText(
		'Has not answered the first survey yet'
	);
	await shoot(page, 'matching-suggestions-1280');

	await page.getByRole('button', { name: 'Create the checked pairs' }).click();
	await expect(page).toHaveURL(`${server.url}/programs/${intakeId}`);
	await expect(page.locator('main')).toContainText('12 pairs created.');
	const rows = page.getByTestId('pair-row');
	await expect(rows).toHaveCount(12);
	const shown = await rows.evaluateAll((items) =>
		items.map((row) => [
			row.querySelector('a')!.textContent!.trim(),
			row.getAttribute('data-standing')!
		])
	);
	expect(new Map(shown as [string, string][])).toEqual(predicted);
	await shoot(page, 'matching-accepted-overview-1280');
});
