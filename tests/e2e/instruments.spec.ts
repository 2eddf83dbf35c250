import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startServer, type RunningServer } from '../helpers/server';
import { setUpOrganization, shoot } from './helpers';

let first: RunningServer;
let second: RunningServer;
test.beforeAll(async () => {
	[first, second] = await Promise.all([startServer(), startServer()]);
});
test.afterAll(async () => {
	await Promise.all([first?.stop(), second?.stop()]);
});

test('a coordinator previews, edits, publishes, exports and re-imports the default survey', async ({
	browser
}) => {
	const page = await setUpOrganization(browser, first, 'Accueil Nouveaux Arrivants');
	await page.getByRole('link', { name: 'Surveys' }).click();
	await page.getByRole('link', { name: 'Version 1' }).click();
	await expect(
		page.getByRole('heading', { name: 'Pre-employment mentoring expectations — version 1' })
	).toBeVisible();
	await shoot(page, 'instrument-outline-desktop');

	// Preview the protégé's pre survey in French on a small phone, with JavaScript off.
	const previewUrl = page.url() + '/preview?role=protege&lang=fr&wave=pre';
	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false
	});
	await phone.addCookies(await page.context().cookies());
	const preview = await phone.newPage();
	await preview.goto(previewUrl);
	await expect(preview.getByText('Page 1 sur')).toBeVisible();
	await expect(preview.locator('main')).toHaveAttribute('lang', 'fr');
	await shoot(preview, 'preview-protege-pre-fr-360');
	await preview.getByRole('link', { name: 'Continuer' }).click();
	await expect(preview.getByText('Page 2 sur')).toBeVisible();
	await shoot(preview, 'preview-protege-pre-fr-360-page2');
	await phone.close();

	// Edit an item's wording: editing a published version opens version 2 as a draft.
	await page.getByRole('button', { name: 'Edit as a new version' }).click();
	await expect(page.getByRole('heading', { name: /version 2/ })).toBeVisible();
	// Topics are folded: open "Focus of the mentoring" to reach its questions.
	await page.locator('#construct-focus > summary').click();
	await page.locator('#item-focus_job_leads').getByRole('link', { name: 'Edit' }).click();
	await page
		.getByLabel('Protégé (newcomer) (en)')
		.fill('How much do you want help to find job leads?');
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page.getByTestId('flash')).toHaveText('Question saved.');
	await expect(page.locator('#item-focus_job_leads')).toBeVisible();
	await expect(page.locator('#item-focus_job_leads')).toContainText(
		'How much do you want help to find job leads?'
	);
	await page.getByRole('button', { name: 'Publish this version' }).click();
	await expect(page.getByTestId('flash')).toHaveText('Published. Rounds can now use this version.');
	expect(page.url()).not.toContain('?/');
	await shoot(page, 'instrument-v2-published');

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download as JSON' }).click();
	const file = await (await download).path();
	const exported = JSON.parse(readFileSync(file, 'utf8'));
	expect(exported.format).toBe('tandem-instrument/1');

	// Import it into another organization (another Tandem, its own database).
	const other = await setUpOrganization(browser, second, 'Maison des Nouveaux');
	await expect(other.getByRole('heading', { name: 'Welcome, Amélie Tremblay' })).toBeVisible();
	await other.goto(`${second.url}/instruments`);
	await other.getByLabel('File').setInputFiles({
		name: 'survey.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(exported))
	});
	await other.getByRole('button', { name: 'Import' }).click();
	await expect(
		other.getByRole('heading', { name: 'Pre-employment mentoring expectations — version 1' })
	).toBeVisible();
	await expect(other.locator('#item-focus_job_leads')).toContainText(
		'How much do you want help to find job leads?'
	);

	// A broken file is refused with its problems listed, and nothing is added.
	await other.goto(`${second.url}/instruments`);
	const broken = { ...exported, format: 'something-else' };
	await other.getByLabel('File').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(broken))
	});
	await other.getByRole('button', { name: 'Import' }).click();
	await expect(other.getByTestId('problems')).toContainText('format');
	await shoot(other, 'instrument-import-refused');
	await expect(other.getByRole('link', { name: 'Version 1' })).toHaveCount(2);
});
