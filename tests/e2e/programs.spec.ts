import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../helpers/server';
import { setUpOrganization, shoot } from './helpers';

let server: RunningServer;
test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(() => server?.stop());

/** 30 people as French-locale Excel saves them: semicolons, BOM, French headers, DD/MM/YYYY. */
function frenchExcelCsv(badEmailOnRow?: number): Buffer {
	const lines = [
		'Rôle;Nom;Courriel;Téléphone;Langue;Profession;Employeur;Date de consentement;Notes'
	];
	for (let i = 1; i <= 30; i++) {
		const role = i <= 12 ? 'mentor' : i <= 27 ? 'protégé' : 'employeur';
		const email = i + 1 === badEmailOnRow ? `personne${i}.exemple.org` : `personne${i}@exemple.org`;
		const employer = role === 'protégé' ? '' : i % 2 ? 'Banque Laurentienne' : 'Ciena';
		const notes = i === 14 ? '"Disponible le soir; préfère la vidéo"' : '';
		lines.push(
			`${role};Zoë Bélanger-Côté ${i};${email};514-555-01${String(i).padStart(2, '0')};fr;Génie logiciel;${employer};15/01/2027;${notes}`
		);
	}
	return Buffer.concat([
		Buffer.from([0xef, 0xbb, 0xbf]),
		Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')
	]);
}

test('a coordinator creates a program, imports 30 people, pairs them and pauses a pair', async ({
	browser
}) => {
	const page = await setUpOrganization(browser, server, 'Accueil Nouveaux Arrivants');
	const serverErrors: string[] = [];
	page.on('response', (response) => {
		if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
	});

	await page.getByRole('link', { name: 'Programs' }).click();
	await page.getByRole('link', { name: 'Create a program' }).click();
	await page.getByRole('button', { name: 'Create program' }).click();
	await expect(page.locator('.field.has-error')).toContainText('Enter the program’s name');
	await page.getByLabel('Program name').fill('Cohorte printemps 2027 — TI');
	await page.getByRole('button', { name: 'Create program' }).click();
	await expect(page.getByRole('heading', { name: 'Cohorte printemps 2027 — TI' })).toBeVisible();

	await page.getByRole('link', { name: 'Import participants from a CSV file' }).click();
	await page
		.getByLabel('CSV file')
		.setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: frenchExcelCsv(9) });
	await page.getByRole('button', { name: 'Upload and check' }).click();
	await expect(page.getByText('Row 9, column “Courriel”').first()).toBeVisible();
	await expect(page.getByRole('button', { name: /^Import \d+ participants$/ })).toHaveCount(0);
	await shoot(page, 'import-report-bad-row');

	await page.getByRole('link', { name: 'Fix the file and upload it again' }).click();
	await page
		.getByLabel('CSV file')
		.setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: frenchExcelCsv() });
	await page.getByRole('button', { name: 'Upload and check' }).click();
	await expect(page.getByText('Every row is correct.')).toBeVisible();
	await page.getByLabel('Create these employers').check();
	await shoot(page, 'import-report-ready');
	await page.getByRole('button', { name: 'Import 30 participants' }).click();
	await expect(page.getByText('People 1 to 30 of 30')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Zoë Bélanger-Côté 14' })).toBeVisible();
	await shoot(page, 'participants-list');

	await page.getByRole('link', { name: 'Back to the program' }).click();
	for (const [mentor, protege] of [
		['Zoë Bélanger-Côté 1', 'Zoë Bélanger-Côté 13'],
		['Zoë Bélanger-Côté 2', 'Zoë Bélanger-Côté 14']
	]) {
		await page
			.getByLabel('Mentor', { exact: true })
			.selectOption({ label: `${mentor} · Génie logiciel` });
		await page
			.getByLabel('Protégé', { exact: true })
			.selectOption({ label: `${protege} · Génie logiciel` });
		await page.getByRole('button', { name: 'Create pair' }).click();
		await expect(page.getByText('Pair created.')).toBeVisible();
	}
	await page.getByRole('button', { name: 'Create pair' }).click();
	await expect(page.locator('.field.has-error').first()).toContainText('Choose a mentor');
	await shoot(page, 'program-with-pairs');

	await page.getByRole('link', { name: 'Zoë Bélanger-Côté 2 with Zoë Bélanger-Côté 14' }).click();
	await page.getByText('Change the status', { exact: true }).click();
	await page.getByRole('button', { name: 'Change status' }).click();
	await expect(page.locator('.field.has-error').first()).toBeVisible();
	await page.getByLabel('Paused').check();
	await page
		.getByLabel('Reason', { exact: true })
		.fill('La mentore est en congé jusqu’au 1er mai.');
	await page.getByRole('button', { name: 'Change status' }).click();
	await expect(page.getByText('Status changed.')).toBeVisible();
	await expect(page.locator('.history')).toContainText('Active → Paused');
	await expect(page.locator('.history')).toContainText('La mentore est en congé');
	await shoot(page, 'pair-history');

	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false
	});
	await phone.addCookies(await page.context().cookies());
	const small = await phone.newPage();
	await small.goto(page.url());
	await shoot(small, 'pair-history-phone', { fullPage: true });
	await phone.close();

	expect(serverErrors).toEqual([]);
});
