import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';

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

/**
 * A server of this spec file's own and a connection to its database, open from before its first
 * test to after its last; read them inside a test (`const { server, db } = spec`).
 */
export function serverWithDatabase(): { server: RunningServer; db: Db } {
	const spec = {} as { server: RunningServer; db: Db };
	test.beforeAll(async () => {
		spec.server = await startServer();
		spec.db = openDatabase(spec.server.databasePath);
	});
	test.afterAll(async () => {
		await spec.db?.destroy();
		await spec.server?.stop();
	});
	return spec;
}

/** A staff member signed in on a desktop-sized page, in English. */
export async function signIn(
	browser: Browser,
	server: RunningServer,
	email: string,
	password = TEST_PASSWORD
): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await page.goto(`${server.url}/signin`);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	return page;
}

/** A new organization whose administrator, Amélie Tremblay, is signed in on a desktop page. */
export async function signInNewAdmin(
	browser: Browser,
	server: RunningServer,
	db: Db
): Promise<{ page: Page; staff: StaffUserRow }> {
	const email = 'amelie@example.org';
	// Made once per database: later tests of the same file sign in as the same administrator.
	const made = await db
		.selectFrom('staff_users')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirst();
	if (!made)
		await createOrganizationWithStaff(db, 'Accueil Nouveaux Arrivants', [
			{ email, role: 'admin', name: 'Amélie Tremblay' }
		]);
	return { page: await signIn(browser, server, email), staff: await staffByEmail(db, email) };
}

export const SURVEY_WORDS = {
	en: {
		next: 'Continue',
		check: 'Check your answers',
		send: 'Send my answers',
		thanks: 'Thank you'
	},
	fr: {
		next: 'Continuer',
		check: 'Vérifiez vos réponses',
		send: 'Envoyer mes réponses',
		thanks: 'Merci'
	}
} as const;

/**
 * Answers survey pages until the check page: the first answer of every question, `number` in
 * every number box, and `choices` (item key → option value) where a page asks that item.
 */
export async function answerSurvey(
	page: Page,
	language: keyof typeof SURVEY_WORDS,
	{ choices = {}, number = '4' }: { choices?: Record<string, string>; number?: string } = {}
): Promise<void> {
	const words = SURVEY_WORDS[language];
	for (
		let guard = 0;
		guard < 12 && !(await page.getByRole('heading', { name: words.check }).isVisible());
		guard++
	) {
		for (const group of await page.locator('fieldset.question').all())
			await group.locator('input').first().check();
		for (const box of await page.locator('input[inputmode="decimal"]').all())
			await box.fill(number);
		for (const [key, value] of Object.entries(choices)) {
			const option = page.locator(`#q-${key} input[value="${value}"]`);
			if (await option.count()) await option.check();
		}
		await page.getByRole('button', { name: words.next }).click();
	}
	await expect(page.getByRole('heading', { name: words.check })).toBeVisible();
}

/** On the program page: opens a round of that wave with the form's default dates. */
export async function openRound(page: Page, wave: 'Before the program (pre)' | 'Check-in (mid)') {
	await page.getByRole('link', { name: 'Open a round' }).click();
	await page.getByLabel(wave).check();
	await page.getByRole('button', { name: 'Open round' }).click();
	await expect(page.getByText(/^Round opened: \d+ (person|people) asked\.$/)).toBeVisible();
}

/**
 * On a round page: makes personal links for these people and returns each person's link. Making
 * links redirects to the sheet (no `?/links` in the address); this goes back to the round after.
 */
export async function makeLinks(page: Page, names: string[]): Promise<Record<string, string>> {
	for (const name of names) await page.getByRole('checkbox', { name: `Choose ${name}` }).check();
	await page.getByRole('button', { name: 'Make personal links for the people ticked' }).click();
	await expect(page.getByTestId('flash')).toHaveText(
		names.length === 1 ? 'Link made for 1 person.' : `Links made for ${names.length} people.`
	);
	expect(page.url()).toMatch(/\/links\/[a-z2-7]+$/);
	const links: Record<string, string> = {};
	for (const sheet of await page.getByTestId('issued-links').locator('li').all())
		links[(await sheet.locator('strong').textContent())!.trim()] = (await sheet
			.locator('.copy-box')
			.textContent())!.trim();
	await page.getByRole('link', { name: 'Back to the round' }).click();
	return links;
}
