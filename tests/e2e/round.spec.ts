import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { openDatabase } from '../../src/lib/server/db/open';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpSink } from '../helpers/smtp-sink';
import { answerSurvey, shoot, signIn } from './helpers';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let server: RunningServer;
let programId: string;

test.beforeAll(async () => {
	sink = await startSmtpSink();
	server = await startServer({ env: { SMTP_URL: sink.url, MAIL_INTERVAL_MS: '300' } });
	const db = openDatabase(server.databasePath);
	await createOrganizationWithStaff(db, 'Accueil', [
		{ email: 'ana@a.org', role: 'coordinator', name: 'Ana' }
	]);
	const ana = await db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	const program = await createTestProgram(db, ana, { name: 'Printemps 2027' });
	programId = program.id;
	const mentors = await addPeople(db, ana, programId, 'mentor', 10);
	const proteges = await addPeople(db, ana, programId, 'protege', 10);
	for (let i = 0; i < 10; i++) {
		const paired = await createPair(
			db,
			ana,
			program,
			{ mentorId: mentors[i]!, protegeId: proteges[i]!, employerId: null, coordinatorId: ana.id },
			null
		);
		expect(paired.ok).toBe(true);
	}
	await db.destroy();
});
test.afterAll(async () => {
	await server?.stop();
	await sink?.stop();
});

const linkFor = (email: string) => {
	const mail = sink.received.filter((m) => m.to[0] === email).at(-1)!;
	return mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/l\/[a-z2-7]{32}/)![0];
};

test('a pre round: invitations by mail, answers on a phone and a desktop, rates, reminders once', async ({
	browser
}) => {
	// Two surveys answered, then three processes racing to remind: about 45 s on a busy 2-core machine.
	test.setTimeout(150_000);
	const staff = await signIn(browser, server, 'ana@a.org');
	await staff.goto(`${server.url}/programs/${programId}`);
	await staff.getByRole('link', { name: 'Open a round' }).click();
	await staff.getByRole('button', { name: 'Open round' }).click();
	await expect(staff.getByText('Round opened: 21 people asked.')).toBeVisible();
	await staff.getByRole('button', { name: 'Send invitations by email' }).click();
	await expect(staff.getByText('Invitations queued: 20.')).toBeVisible();
	await expect.poll(() => sink.received.length, { timeout: 15_000 }).toBe(20);

	// The protégé: a 360 px phone, no JavaScript, half the survey, then back later in French.
	const phone = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false,
		locale: 'en-CA'
	});
	let tab = await phone.newPage();
	await tab.goto(linkFor('protege1@example.org'));
	await tab.getByRole('button', { name: 'I agree to answer' }).click();
	await tab.getByRole('link', { name: 'Start' }).click();
	for (let n = 0; n < 3; n++) {
		for (const group of await tab.locator('fieldset.question').all())
			await group.locator('input').first().check();
		for (const number of await tab.locator('input[inputmode="decimal"]').all())
			await number.fill('4');
		await tab.getByRole('button', { name: 'Continue' }).click();
	}
	await expect(tab.getByText('Page 4 of')).toBeVisible();
	await tab.close();

	tab = await phone.newPage();
	await tab.goto(linkFor('protege1@example.org'));
	await tab.getByRole('button', { name: 'Français' }).click();
	await tab.getByRole('link', { name: 'Continuer' }).click();
	await expect(tab.getByText('Page 4 sur')).toBeVisible();
	await shoot(tab, 'round-protege-resumed-fr-360');
	await answerSurvey(tab, 'fr');
	await tab.getByRole('button', { name: 'Envoyer mes réponses' }).click();
	await expect(tab.getByRole('heading', { name: 'Merci' })).toBeVisible();
	await phone.close();

	// The mentor, in English on a desktop.
	const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await desk.goto(linkFor('mentor1@example.org'));
	await desk.getByRole('button', { name: 'I agree to answer' }).click();
	await desk.getByRole('link', { name: 'Start' }).click();
	await answerSurvey(desk, 'en');
	await desk.getByRole('button', { name: 'Send my answers' }).click();
	await expect(desk.getByRole('heading', { name: 'Thank you' })).toBeVisible();

	await staff.reload();
	const rates = staff.getByTestId('round-rates');
	await expect(rates).toContainText('10 %');
	await shoot(staff, 'round-page-rates', { fullPage: true });

	// The scheduled reminder run (as cron would start it), twice at once: 18 people, once each.
	const before = sink.received.length;
	const db = openDatabase(server.databasePath);
	await db.updateTable('rounds').set({ reminder_days: '[0]' }).execute();
	// Reminders wait a day after someone's invitation: make the invitations two days old.
	const twoDaysAgo = (at: number) => at - 2 * 86_400_000;
	for (const row of await db.selectFrom('outbox').select(['id', 'created_at']).execute())
		await db
			.updateTable('outbox')
			.set({ created_at: twoDaysAgo(row.created_at) })
			.where('id', '=', row.id)
			.execute();
	await db.destroy();
	const env = {
		...process.env,
		DATABASE_PATH: server.databasePath,
		SMTP_URL: sink.url,
		ORIGIN: server.url
	};
	const run = () =>
		new Promise<string>((resolve, reject) => {
			const child = spawn('npm', ['run', '--silent', 'reminders'], {
				env,
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let out = '';
			child.stdout.on('data', (d) => (out += d));
			child.stderr.on('data', (d) => (out += d));
			child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
		});
	// Three processes now race for the same reminder step: the server's own scheduler and two cron runs.
	const outputs = await Promise.all([run(), run()]);
	for (const output of outputs) expect(output).toMatch(/Reminders queued: \d+/);
	await expect.poll(() => sink.received.length - before, { timeout: 15_000 }).toBe(18);
	await new Promise((r) => setTimeout(r, 1500));
	const reminded = sink.received.slice(before).map((m) => m.to[0]);
	expect(reminded).toHaveLength(18);
	expect(new Set(reminded).size).toBe(18);
	expect(reminded).not.toContain('protege1@example.org');
	expect(reminded).not.toContain('mentor1@example.org');
});
