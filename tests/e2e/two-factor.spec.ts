import { expect, test, type Browser, type Page } from '@playwright/test';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { openDatabase } from '../../src/lib/server/db/open';
import { createStaffUser } from '../../src/lib/server/staff/staff';
import { testPasswordHash } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { setUpOrganization, shoot } from './helpers';

let server: RunningServer;
test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(() => server?.stop());

const EMAIL = 'amelie@example.org';
const PASSWORD = 'maple kettle orbit';

function appCode(typedKey: string, stepsAhead = 0): string {
	const key = decodeBase32IgnorePadding(typedKey.replaceAll(' ', ''));
	return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + stepsAhead), 6);
}

async function signInWithPassword(browser: Browser, width: number, locale = 'en-CA') {
	const context = await browser.newContext({ viewport: { width, height: 860 }, locale });
	const page = await context.newPage();
	await page.goto(`${server.url}/signin`);
	await page.locator('input[name=email]').fill(EMAIL);
	await page.locator('input[name=password]').fill(PASSWORD);
	await page.locator('form.card button').click();
	return page;
}

async function both(page: Page, name: string, run: () => Promise<void> = async () => {}) {
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 860 });
		await run();
		await shoot(page, `${name}-${width}`, { fullPage: true });
	}
}

test('an administrator sets up two-step sign-in, signs in with a code, and sees sessions', async ({
	browser
}) => {
	const admin = await setUpOrganization(browser, server, 'Accueil Nouveaux Arrivants');
	await admin.getByRole('link', { name: 'My account' }).click();
	await admin.getByRole('link', { name: 'Two-step sign-in' }).click();
	await expect(admin.getByRole('heading', { name: 'Two-step sign-in', level: 1 })).toBeVisible();
	await expect(admin.getByRole('img', { name: /QR code/ })).toBeVisible();
	await both(admin, 'two-factor-setup');

	const typedKey = (await admin.getByTestId('totp-key').textContent())!.trim();
	await admin.getByLabel('6-digit code').fill('123');
	await admin.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
	await expect(admin.getByRole('alert')).toContainText('Type the 6 digits from your app.');
	await both(admin, 'two-factor-setup-error');

	await admin.getByLabel('6-digit code').fill(appCode(typedKey));
	await admin.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
	await expect(admin.getByTestId('backup-codes').locator('li')).toHaveCount(10);
	await both(admin, 'two-factor-backup-codes');

	const phone = await signInWithPassword(browser, 390);
	await expect(phone.getByRole('heading', { name: 'Type your sign-in code' })).toBeVisible();
	await both(phone, 'two-factor-second-step');
	await phone.getByLabel('6-digit code').fill('000000');
	await phone.getByRole('button', { name: 'Continue' }).click();
	await expect(phone.getByRole('alert')).toContainText('This code is not right');
	await phone.getByText('Lost your phone? Use a backup code').click();
	await both(phone, 'two-factor-second-step-error');

	const french = await signInWithPassword(browser, 390, 'fr-CA');
	await expect(
		french.getByRole('heading', { name: 'Tapez votre code de connexion' })
	).toBeVisible();
	await shoot(french, 'two-factor-second-step-fr-390', { fullPage: true });
	await french.getByLabel('Code à 6 chiffres').fill(appCode(typedKey, 1));
	await french.getByRole('button', { name: 'Continuer' }).click();
	await expect(french.getByRole('heading', { name: /Bienvenue/ })).toBeVisible();

	await admin.goto(`${server.url}/account/sessions`);
	await expect(admin.getByTestId('session-row')).toHaveCount(3);
	await both(admin, 'sessions');
	await admin.getByRole('button', { name: 'End all other sessions' }).click();
	await expect(admin.getByRole('status')).toContainText('All other sessions are ended');
	await expect(admin.getByTestId('session-row')).toHaveCount(1);
	await french.reload();
	await expect(french.getByRole('heading', { name: 'Connexion' })).toBeVisible();

	await admin.getByRole('link', { name: 'Security' }).click();
	await admin.getByLabel('Require two-step sign-in for all staff').check();
	await admin.getByRole('button', { name: 'Save' }).click();
	await expect(admin.getByRole('status')).toContainText('Two-step sign-in setting saved.');
	await both(admin, 'security-settings');

	const db = openDatabase(server.databasePath);
	const organization = await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
	await createStaffUser(db, {
		organizationId: organization.id,
		email: 'chidi@example.org',
		name: 'Chidi Okafor',
		role: 'coordinator',
		passwordHash: await testPasswordHash()
	});
	await db.destroy();
	await admin.getByRole('link', { name: 'Staff', exact: true }).click();
	await admin.getByRole('link', { name: /Sign-in and sessions.*Chidi Okafor/ }).click();
	await admin.getByRole('button', { name: 'End all sessions' }).click();
	await expect(admin.getByRole('alert')).toContainText('Tick the box to confirm.');
	await both(admin, 'staff-security');
});
