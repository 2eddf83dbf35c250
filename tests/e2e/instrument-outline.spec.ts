import { expect, test, type Browser } from '@playwright/test';
import { listInstruments, openDraft } from '../../src/lib/server/instruments/instruments';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { serverWithDatabase, shoot } from './helpers';

const spec = serverWithDatabase();
let draftId: string;

test.beforeAll(async () => {
	const { db } = spec;
	const { organizationId } = await createOrganizationWithStaff(db, 'Accueil', [
		{ email: 'ana@example.org', role: 'coordinator', name: 'Ana Lima' }
	]);
	const [instrument] = await listInstruments(db, organizationId);
	const ana = await staffByEmail(db, 'ana@example.org');
	draftId = (await openDraft(db, ana, instrument!.versions[0]!.id, null))!;
});

const itemKeys = async () =>
	(await loadVersionDocument(spec.db, draftId))!.constructs.flatMap((c) =>
		c.items.map((i) => i.key)
	);

async function signedInPage(browser: Browser, javaScriptEnabled: boolean) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		javaScriptEnabled
	});
	const page = await context.newPage();
	await page.goto(`${spec.server.url}/signin`);
	await page.getByLabel('Email address').fill('ana@example.org');
	await page.getByLabel('Password').fill(TEST_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	return page;
}

test('the outline shows topics folded, and opens the one a change was made in', async ({
	browser
}) => {
	const page = await signedInPage(browser, true);
	await page.goto(`${spec.server.url}/instruments/${draftId}`);
	const contact = page.locator('#construct-contact');
	await expect(page.locator('#construct-contact > summary')).toContainText('Contact');
	await expect(page.locator('#construct-contact > summary')).toContainText('10 questions');
	await expect(page.locator('#item-contact_length')).toBeHidden();
	expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4000);

	await page.locator('#construct-contact > summary').click();
	const length = page.locator('#item-contact_length');
	await expect(length.getByRole('link', { name: 'Edit' })).toBeVisible();
	// One destructive action per question, and it is not on the outline.
	await expect(contact.getByRole('button', { name: /remove/i })).toHaveCount(0);
	await length.getByRole('button', { name: 'Move down' }).click();
	await expect(page.getByTestId('flash')).toHaveText('Question moved.');
	const keys = await itemKeys();
	expect(keys.indexOf('contact_length')).toBe(keys.indexOf('contact_modes') + 1);
	await expect(page.locator('#item-contact_length')).toBeVisible();
	await page.context().close();
});

for (const { javaScript, key, label } of [
	{ javaScript: true, key: 'contact_hours_actual', label: 'Actual hours per month' },
	{ javaScript: false, key: 'contact_reply_actual', label: 'Actual reply time to messages' }
]) {
	test(`removing a question asks first (JavaScript ${javaScript ? 'on' : 'off'})`, async ({
		browser
	}) => {
		const page = await signedInPage(browser, javaScript);
		const outline = `${spec.server.url}/instruments/${draftId}`;
		await page.goto(`${outline}/items/${key}`);
		await page.getByRole('link', { name: 'Remove this question…' }).click();
		const card = page.getByTestId('confirm-removal');
		await expect(card.getByRole('heading')).toHaveText(`Remove the question “${label}”?`);
		await expect(card).toContainText('Nobody answers a draft, so no answers are lost');
		if (!javaScript) await shoot(page, 'instrument-remove-question-confirm');

		// Asking is not removing; nor is a post without the confirmation.
		expect(await itemKeys()).toContain(key);
		const unconfirmed = await page.request.post(`${outline}?/removeItem`, {
			form: { key },
			headers: { origin: spec.server.url, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(unconfirmed.status()).toBe(400);
		expect(await itemKeys()).toContain(key);

		await card.getByRole('link', { name: 'No, keep it' }).click();
		await expect(page.getByTestId('confirm-removal')).toHaveCount(0);
		await expect(page.locator(`#item-${key}`)).toBeVisible();
		expect(await itemKeys()).toContain(key);

		const before = (await itemKeys()).length;
		await page.goto(`${outline}/items/${key}`);
		await page.getByRole('link', { name: 'Remove this question…' }).click();
		await page.getByRole('button', { name: 'Yes, remove the question' }).click();
		await expect(page.getByTestId('flash')).toHaveText('Question removed from this draft.');
		const url = new URL(page.url());
		expect(url.pathname).toBe(`/instruments/${draftId}`);
		expect(url.search).toBe('?open=contact');
		await expect(page.locator('#construct-contact')).toHaveAttribute('open', '');
		await expect(page.locator(`#item-${key}`)).toHaveCount(0);
		expect(await itemKeys()).not.toContain(key);
		expect(await itemKeys()).toHaveLength(before - 1);

		await page.reload();
		await expect(page.getByTestId('flash')).toHaveCount(0);
		expect(await itemKeys()).toHaveLength(before - 1);
		await page.context().close();
	});
}
