import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../helpers/server';
import { shoot } from './helpers';

let server: RunningServer;

test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(() => server?.stop());

test('first run: setup, invite a coordinator, coordinator signs in', async ({ browser }) => {
	const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await admin.goto(server.setupLink());
	await expect(admin.getByRole('heading', { name: 'Set up Tandem' })).toBeVisible();

	await admin.getByRole('button', { name: 'Create organization' }).click();
	await expect(admin.getByRole('alert')).toContainText('Enter the name of your organization');
	await shoot(admin, 'setup-errors-desktop');

	await admin.getByLabel('Organization name').fill('Accueil Nouveaux Arrivants');
	await admin.getByLabel('Your name').fill('Amélie Tremblay');
	await admin.getByLabel('Email address').fill('amelie@example.org');
	await admin.getByLabel('Choose a password').fill('maple kettle orbit');
	await admin.getByLabel('Type the password again').fill('maple kettle orbit');
	await admin.getByRole('button', { name: 'Create organization' }).click();
	await expect(admin.getByRole('heading', { name: 'Welcome, Amélie Tremblay' })).toBeVisible();
	await shoot(admin, 'home-desktop');

	await admin.getByRole('link', { name: 'Staff', exact: true }).click();
	await admin.getByLabel('Full name').fill('Chidi Okafor');
	await admin.getByLabel('Email address').fill('chidi@example.org');
	await admin.getByRole('button', { name: 'Create invitation link' }).click();
	const link = (await admin.getByTestId('invitation-link').textContent())!.trim();
	await shoot(admin, 'staff-invited-desktop');

	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false,
		locale: 'fr-CA'
	});
	const coordinator = await phone.newPage();
	await coordinator.goto(link);
	await expect(
		coordinator.getByRole('heading', { name: 'Rejoindre Accueil Nouveaux Arrivants sur Tandem' })
	).toBeVisible();
	await coordinator.getByLabel('Choisissez un mot de passe').fill('river lantern cedar');
	await coordinator.getByLabel('Retapez le mot de passe').fill('river lantern cedar');
	await coordinator.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(coordinator.getByRole('heading', { name: 'Bienvenue, Chidi Okafor' })).toBeVisible();
	await shoot(coordinator, 'home-phone-fr');

	await coordinator.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(coordinator.getByRole('heading', { name: 'Connexion' })).toBeVisible();
	await coordinator.getByLabel('Adresse courriel').fill('chidi@example.org');
	await coordinator.getByLabel('Mot de passe').fill('wrong password');
	await coordinator.getByRole('button', { name: 'Se connecter' }).click();
	await expect(coordinator.getByRole('alert')).toContainText(
		'L’adresse courriel ou le mot de passe n’est pas le bon.'
	);
	await shoot(coordinator, 'signin-error-phone-fr');
	await coordinator.getByLabel('Mot de passe').fill('river lantern cedar');
	await coordinator.getByRole('button', { name: 'Se connecter' }).click();
	await expect(coordinator.getByRole('heading', { name: 'Bienvenue, Chidi Okafor' })).toBeVisible();
	await expect(coordinator.getByRole('link', { name: 'Personnel', exact: true })).toHaveCount(0);
	await coordinator.goto(link);
	await expect(
		coordinator.getByRole('heading', { name: 'Ce lien ne fonctionne pas' })
	).toBeVisible();
	await shoot(coordinator, 'dead-link-phone-fr');
	await phone.close();

	const adminPhone = await browser.newPage({ viewport: { width: 390, height: 844 } });
	await adminPhone.context().addCookies(await admin.context().cookies());
	await adminPhone.goto(`${server.url}/admin/staff`);
	await expect(adminPhone.getByRole('rowheader', { name: /Chidi Okafor/ })).toBeVisible();
	await shoot(adminPhone, 'staff-phone');
});
