import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { startServer, type RunningServer } from '../helpers/server';
import {
	answerSurvey,
	makeLinks,
	openRound,
	setUpOrganization,
	shoot,
	SURVEY_WORDS
} from './helpers';

let server: RunningServer;
test.beforeAll(async () => {
	server = await startServer();
});
test.afterAll(() => server?.stop());

const PEOPLE = [
	'role,name,email,language,occupation',
	'mentor,Marc Tremblay,marc@example.org,en,Software developer',
	'mentor,Lucie Gagnon,lucie@example.org,fr,Nurse',
	'protege,Amina Diallo,amina@example.org,fr,Software developer',
	'protege,Omar Haddad,omar@example.org,en,Nurse'
].join('\r\n');

const PAIR = 'Marc Tremblay with Amina Diallo';
const JOB_LEADS_REASON =
	'Far apart on a key question. Job leads and referrals: protégé “Extremely important” (5 of 5), mentor “Not important” (1 of 5).';

test('the whole loop: setup, program, import, pairs, pre round answered by both sides, the pair at risk, mid round, export', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const staff = await setUpOrganization(browser, server, 'Accueil Nouveaux Arrivants');
	await expect(staff.getByRole('heading', { name: 'Welcome, Amélie Tremblay' })).toBeVisible();
	await shoot(staff, 'loop-01-home');

	await staff.getByRole('link', { name: 'Programs' }).click();
	await staff.getByRole('link', { name: 'Create a program' }).click();
	await staff.getByLabel('Program name').fill('Spring 2027 — IT');
	await staff.getByRole('button', { name: 'Create program' }).click();
	await expect(staff.getByRole('heading', { name: 'Spring 2027 — IT' })).toBeVisible();
	const programUrl = staff.url().split('?')[0]!;
	await shoot(staff, 'loop-02-program');

	await staff.getByRole('link', { name: 'Import participants from a CSV file' }).click();
	await staff.getByLabel('CSV file').setInputFiles({
		name: 'people.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(PEOPLE, 'utf8')
	});
	await staff.getByRole('button', { name: 'Upload and check' }).click();
	await expect(staff.getByText('Every row is correct.')).toBeVisible();
	await shoot(staff, 'loop-03-import-report');
	await staff.getByRole('button', { name: 'Import 4 participants' }).click();
	await expect(staff.getByText('People 1 to 4 of 4')).toBeVisible();

	await staff.goto(programUrl);
	for (const [mentor, protege] of [
		['Marc Tremblay · Software developer', 'Amina Diallo · Software developer'],
		['Lucie Gagnon · Nurse', 'Omar Haddad · Nurse']
	]) {
		await staff.getByLabel('Mentor', { exact: true }).selectOption({ label: mentor! });
		await staff.getByLabel('Protégé', { exact: true }).selectOption({ label: protege! });
		await staff.getByRole('button', { name: 'Create pair' }).click();
		await expect(staff.getByText('Pair created.')).toBeVisible();
	}
	await expect(staff.getByTestId('pair-row')).toHaveCount(2);
	await shoot(staff, 'loop-04-pairs', { fullPage: true });

	await openRound(staff, 'Before the program (pre)');
	const preLinks = await makeLinks(staff, ['Marc Tremblay', 'Amina Diallo']);
	await shoot(staff, 'loop-05-pre-round-links');

	// The protégé: a 360 px phone with JavaScript off; her language (French) comes from the import.
	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false
	});
	const amina = await phone.newPage();
	await amina.goto(preLinks['Amina Diallo']!);
	await expect(amina.getByRole('heading', { name: 'Avant de commencer' })).toBeVisible();
	await shoot(amina, 'loop-06-protege-consent-fr-360');
	await amina.getByRole('button', { name: 'J’accepte de répondre' }).click();
	await amina.getByRole('link', { name: 'Commencer' }).click();
	await shoot(amina, 'loop-07-protege-page1-fr-360');
	await answerSurvey(amina, 'fr', { choices: { focus_job_leads: '5' } });
	await shoot(amina, 'loop-08-protege-check-fr-360', { fullPage: true });
	await amina.getByRole('button', { name: SURVEY_WORDS.fr.send }).click();
	await expect(amina.getByRole('heading', { name: SURVEY_WORDS.fr.thanks })).toBeVisible();
	await shoot(amina, 'loop-09-protege-thanks-fr-360');
	await phone.close();

	// The mentor, in English on a desktop, answers "not important" to job leads.
	const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const marc = await desk.newPage();
	await marc.goto(preLinks['Marc Tremblay']!);
	await marc.getByRole('button', { name: 'I agree to answer' }).click();
	await marc.getByRole('link', { name: 'Start' }).click();
	await answerSurvey(marc, 'en', { choices: { focus_job_leads: '1' } });
	await marc.getByRole('button', { name: SURVEY_WORDS.en.send }).click();
	await expect(marc.getByRole('heading', { name: SURVEY_WORDS.en.thanks })).toBeVisible();
	await shoot(marc, 'loop-10-mentor-thanks');

	await staff.goto(programUrl);
	const needing = staff.getByTestId('attention-pair');
	await expect(needing).toHaveCount(1);
	await expect(needing.first()).toContainText(PAIR);
	await expect(needing.first()).toContainText('At risk');
	await expect(needing.first()).toContainText(JOB_LEADS_REASON);
	const rows = staff.getByTestId('pair-row');
	await expect(rows.first()).toContainText(PAIR);
	await expect(rows.first().getByTestId('raised-mark')).toContainText('Job leads and referrals');
	await expect(rows.last()).toContainText('Lucie Gagnon with Omar Haddad');
	await expect(rows.last()).not.toContainText('At risk');
	await shoot(staff, 'loop-11-overview-at-risk', { fullPage: true });

	await staff.getByRole('link', { name: PAIR }).first().click();
	await expect(staff.getByText(JOB_LEADS_REASON)).toBeVisible();
	await shoot(staff, 'loop-12-pair-page', { fullPage: true });

	await staff.goto(programUrl);
	await openRound(staff, 'Check-in (mid)');
	const midLinks = await makeLinks(staff, ['Marc Tremblay']);
	await marc.goto(midLinks['Marc Tremblay']!);
	await marc.getByRole('link', { name: 'Start' }).click();
	await answerSurvey(marc, 'en');
	await marc.getByRole('button', { name: SURVEY_WORDS.en.send }).click();
	await expect(marc.getByRole('heading', { name: SURVEY_WORDS.en.thanks })).toBeVisible();
	await desk.close();
	await staff.reload();
	await expect(staff.getByTestId('round-rates')).toContainText('50 %');
	await shoot(staff, 'loop-13-mid-round');

	await staff.goto(programUrl);
	await staff.getByRole('link', { name: 'Download data' }).click();
	await expect(staff.getByTestId('sent-surveys')).toHaveText('Surveys sent so far: 3');
	await shoot(staff, 'loop-14-export');
	const download = async (testId: string) => {
		const file = staff.waitForEvent('download');
		await staff.getByTestId(testId).click();
		return readFileSync((await (await file).path())!, 'utf8');
	};
	const answers: Record<string, string>[] = parse(await download('responses-csv'), {
		bom: true,
		columns: true
	});
	expect(new Set(answers.map((row) => `${row.wave} ${row.role}`))).toEqual(
		new Set(['pre protege', 'pre mentor', 'mid mentor'])
	);
	expect(
		answers.find((row) => row.item === 'focus_job_leads' && row.role === 'protege')?.raw_value
	).toBe('5');
	const scores = await download('pair-scores-csv');
	expect(scores).toContain('at_risk');
	expect(scores).toContain('Job leads and referrals');
	expect(scores).not.toContain('Amina');
});
