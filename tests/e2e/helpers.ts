import type { Browser, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { RunningServer } from '../helpers/server';

export const SHOTS = 'tests/e2e/screenshots';

/** What the person sees first; `fullPage` for the whole scroll. */
export async function shoot(
	page: Page,
	name: string,
	options = { fullPage: false }
): Promise<void> {
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: options.fullPage });
}

/** Creates the first organization through the setup link; returns the signed-in admin's page. */
export async function setUpOrganization(
	browser: Browser,
	server: RunningServer,
	name: string
): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await page.goto(server.setupLink());
	await page.getByLabel('Organization name').fill(name);
	await page.getByLabel('Your name').fill('Amélie Tremblay');
	await page.getByLabel('Email address').fill('amelie@example.org');
	await page.getByLabel('Choose a password').fill('maple kettle orbit');
	await page.getByLabel('Type the password again').fill('maple kettle orbit');
	await page.getByRole('button', { name: 'Create organization' }).click();
	return page;
}
