import { expect, test, type Browser, type Page } from '@playwright/test';
import { createOrganizationWithStaff, staffByEmail, TEST_PASSWORD } from '../helpers/fixtures';
import { changedTables, openDatabaseChecksums } from '../helpers/db-checksum';
import { addPeople, createTestProgram } from '../helpers/programs';
import { serverWithDatabase, shoot } from './helpers';

/**
 * Every action that changes something answers with a redirect (Post/Redirect/Get): the address
 * bar shows a page, not `?/action`, a "done" message shows once, and a reload sends nothing again —
 * the database is byte for byte as it was. Checked with JavaScript on and off.
 */
const spec = serverWithDatabase();

async function signedInPage(browser: Browser, email: string, javaScriptEnabled: boolean) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		javaScriptEnabled
	});
	const page = await context.newPage();
	await page.goto(`${spec.server.url}/signin`);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(TEST_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	return page;
}

/** After an action: a clean address, the message once, and a reload that changes nothing. */
async function expectPostRedirectGet(page: Page, message: string | RegExp) {
	expect(new URL(page.url()).search).not.toContain('?/');
	expect(page.url()).not.toMatch(/\?%2F|\?\//);
	await expect(page.getByTestId('flash')).toHaveText(message);
	const checksums = openDatabaseChecksums(spec.server.databasePath);
	try {
		const before = await checksums.snapshot();
		await page.reload();
		await expect(page.getByTestId('flash')).toHaveCount(0);
		expect(changedTables(before, await checksums.snapshot())).toEqual([]);
	} finally {
		await checksums.close();
	}
}

const csv = (suffix: string) =>
	Buffer.from(
		[
			'role,name,email,language',
			`mentor,Élodie Marchand ${suffix},elodie.${suffix}@example.org,fr`,
			`protege,Karim Haddad ${suffix},karim.${suffix}@example.org,en`
		].join('\n') + '\n'
	);

for (const javaScriptEnabled of [true, false]) {
	const mode = javaScriptEnabled ? 'js' : 'nojs';

	test(`import, pair, make links and close a round redirect, and a reload changes nothing (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
		browser
	}) => {
		const email = `ana.${mode}@a.org`;
		await createOrganizationWithStaff(spec.db, `Accueil ${mode}`, [
			{ email, role: 'coordinator', name: 'Ana' }
		]);
		const ana = await staffByEmail(spec.db, email);
		const program = await createTestProgram(spec.db, ana);
		const [mentor] = await addPeople(spec.db, ana, program.id, 'mentor', 2);
		const [protege] = await addPeople(spec.db, ana, program.id, 'protege', 2);
		const page = await signedInPage(browser, email, javaScriptEnabled);
		const programUrl = `${spec.server.url}/programs/${program.id}`;

		// Import: upload, check, confirm.
		await page.goto(`${programUrl}/import`);
		await page
			.getByLabel('CSV file')
			.setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: csv(mode) });
		await page.getByRole('button', { name: 'Upload and check' }).click();
		await page.getByRole('button', { name: 'Import 2 participants' }).click();
		await expect(page).toHaveURL(`${programUrl}/participants`);
		await expectPostRedirectGet(page, '2 participants imported.');

		// Pair.
		await page.goto(programUrl);
		await page.getByLabel('Mentor', { exact: true }).selectOption(mentor!);
		await page.getByLabel('Protégé', { exact: true }).selectOption(protege!);
		await page.getByRole('button', { name: 'Create pair' }).click();
		await expect(page).toHaveURL(programUrl);
		await expectPostRedirectGet(page, 'Pair created.');

		// Open a round, then make links: the sheet is a page of its own that a reload shows again.
		await page.getByRole('link', { name: 'Open a round' }).click();
		await page.getByRole('button', { name: 'Open round' }).click();
		await expect(page).toHaveURL(/\/rounds\/[a-z2-7]+$/);
		await expectPostRedirectGet(page, /^Round opened: \d+ people asked\.$/);
		const roundUrl = page.url();
		await page.locator(`input[name="participantId"][value="${protege}"]`).check();
		await page.getByRole('button', { name: 'Make personal links for the people ticked' }).click();
		await expect(page).toHaveURL(/\/rounds\/[a-z2-7]+\/links\/[a-z2-7]+$/);
		const link = await page.getByTestId('issued-links').locator('.copy-box').textContent();
		await expectPostRedirectGet(page, 'Link made for 1 person.');
		await expect(page.getByTestId('issued-links').locator('.copy-box')).toHaveText(link!);
		await shoot(page, `link-sheet-${mode}`);

		// Close: only after confirming; the form without the confirmation changes nothing.
		await page.goto(roundUrl);
		const checksums = openDatabaseChecksums(spec.server.databasePath);
		const before = await checksums.snapshot();
		const unconfirmed = await page.request.post(`${roundUrl}?/close`, {
			form: {},
			headers: { origin: spec.server.url, accept: 'text/html' }
		});
		expect(unconfirmed.status()).toBe(400);
		expect(changedTables(before, await checksums.snapshot())).toEqual([]);
		await checksums.close();
		await page.getByRole('link', { name: 'Close the round now' }).click();
		await expect(page.getByRole('heading', { name: 'Close this round now?' })).toBeVisible();
		await shoot(page, `round-close-confirm-${mode}`);
		await page.getByRole('button', { name: 'Yes, close the round' }).click();
		await expect(page).toHaveURL(roundUrl);
		await expectPostRedirectGet(page, 'The round is closed. Answers can no longer change.');
		await expect(page.getByText('Closed', { exact: true })).toBeVisible();

		await page.context().close();
	});
}
