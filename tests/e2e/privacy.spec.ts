import { expect, test } from '@playwright/test';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import { MARIA, buildPrivacyWorld, type PrivacyWorld } from '../helpers/privacy';
import { serverWithDatabase, shoot, signInNewAdmin } from './helpers';

const spec = serverWithDatabase();

test('a coordinator erases a participant after typing her name; a participant stops from her phone', async ({
	browser
}) => {
	const { server, db } = spec;
	const { page, staff } = await signInNewAdmin(browser, server, db);
	const world: PrivacyWorld = await buildPrivacyWorld(db, staff, server.url);
	const personPage = `${server.url}/programs/${world.program.id}/participants/${world.maria}`;

	await page.goto(personPage);
	await page.getByRole('link', { name: 'Erase their personal data…' }).click();
	await expect(page.getByRole('heading', { name: 'Erase personal data' })).toBeVisible();
	await shoot(page, 'erase-1280', { fullPage: true });
	await page.getByLabel('Type their name to confirm').fill('Maria');
	await page.getByRole('button', { name: 'Erase now' }).click();
	await expect(page.locator('.field.has-error')).toContainText('does not match');
	await shoot(page, 'erase-1280-wrong-name', { fullPage: true });

	const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await phone.addCookies(await page.context().cookies());
	const small = await phone.newPage();
	await small.goto(`${personPage}/erase`);
	await shoot(small, 'erase-390', { fullPage: true });
	await small.getByLabel('Delete all their answers').check();
	await small.getByLabel('Type their name to confirm').fill(MARIA.name);
	await small.getByRole('button', { name: 'Erase now' }).click();
	await expect(small.getByText(/Personal data erased on/)).toBeVisible();
	await phone.close();

	for (const [language, width] of [
		['en-CA', 390],
		['en-CA', 1280],
		['fr-CA', 390]
	] as const) {
		// A personal link opens the portal in the person's own language.
		await db
			.updateTable('participants')
			.set({ language: language.slice(0, 2) })
			.where('id', '=', world.pedro)
			.execute();
		const token = await issueParticipantLink(db, world.pedro, Date.now() + 86_400_000, null);
		const context = await browser.newContext({
			viewport: { width, height: 844 },
			javaScriptEnabled: false
		});
		const portal = await context.newPage();
		await portal.goto(`${server.url}/l/${token}`);
		const stop = language === 'fr-CA' ? 'Cesser de participer' : 'Stop taking part';
		await portal.getByRole('link', { name: stop }).click();
		await shoot(portal, `withdraw-${language.slice(0, 2)}-${width}`, { fullPage: true });
		if (language === 'fr-CA') {
			await portal.getByRole('button', { name: 'Oui, je cesse de participer' }).click();
			await expect(
				portal.getByRole('heading', { name: 'Vous avez cessé de participer' })
			).toBeVisible();
			await shoot(portal, 'withdrawn-fr-390');
			await portal.goto(`${server.url}/l/${token}`);
			await expect(portal).toHaveURL(/\/p\/no-link$/);
		}
		await context.close();
	}

	await db
		.updateTable('programs')
		.set({ status: 'closed', closed_at: Date.now() - 40 * 86_400_000 })
		.where('id', '=', world.program.id)
		.execute();
	await page.goto(`${server.url}/admin/retention`);
	await page.getByLabel('Months after a program closes').fill('1');
	await page.getByLabel('Months after a program closes').press('Enter');
	await expect(page.getByTestId('retention-program')).toContainText('Within the hour');
	await expect(page.getByText('Now: keep participant data')).toBeVisible();
	await shoot(page, 'retention-1280', { fullPage: true });
});
