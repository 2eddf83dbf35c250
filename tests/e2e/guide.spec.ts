import { expect, test } from '@playwright/test';
import { issueParticipantLink } from '../../src/lib/server/auth/participant-links';
import { openDatabase } from '../../src/lib/server/db/open';
import { loadVersionDocument } from '../../src/lib/server/instruments/load-document';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { openRound } from '../../src/lib/server/rounds/rounds';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { shoot } from './helpers';

let server: RunningServer;
let link: string;
let pairId: string;

/** A protégé and a mentor who see some things the same way and some very differently. */
const protegeChanges: Record<string, string | string[]> = {
	focus_job_leads: '5',
	focus_interview: '5',
	contact_frequency: '2',
	contact_modes: ['video', 'messages'],
	contact_hours: '8',
	roles_job_openings: '2',
	outcomes_job_offer: '5',
	outcomes_referral: '5',
	relationship_feedback: '4'
};
const mentorChanges: Record<string, string | string[]> = {
	focus_job_leads: '1',
	focus_interview: '4',
	contact_frequency: '3',
	contact_modes: ['video'],
	contact_hours: '4',
	roles_job_openings: '5',
	outcomes_job_offer: '2',
	outcomes_referral: '1',
	relationship_feedback: '4'
};

test.beforeAll(async () => {
	server = await startServer();
	const db = openDatabase(server.databasePath);
	await createOrganizationWithStaff(db, 'Accueil', [
		{ email: 'ana@a.org', role: 'coordinator', name: 'Ana' }
	]);
	const ana = await db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	const program = await createTestProgram(db, ana, { pairsSeeSummary: true });
	const [mentor] = await addPeople(db, ana, program.id, 'mentor', 1);
	const [protege] = await addPeople(db, ana, program.id, 'protege', 1);
	await db.updateTable('participants').set({ consented_at: Date.now() }).execute();
	await db
		.updateTable('participants')
		.set({ name: 'Amina Diallo' })
		.where('id', '=', protege!)
		.execute();
	await db
		.updateTable('participants')
		.set({ name: 'Marc Tremblay' })
		.where('id', '=', mentor!)
		.execute();
	const pair = await createPair(
		db,
		ana,
		program,
		{ mentorId: mentor!, protegeId: protege!, employerId: null, coordinatorId: ana.id },
		null
	);
	if (!pair.ok) throw new Error(pair.reason);
	pairId = pair.pairId;
	const version = await db.selectFrom('instrument_versions').select('id').executeTakeFirstOrThrow();
	const document = (await loadVersionDocument(db, version.id))!;
	const round = await openRound(
		db,
		ana,
		program,
		{ versionId: version.id, wave: 'pre', opensOn: '2026-01-01', closesOn: '2999-01-01' },
		null
	);
	if (!round.ok) throw new Error(round.reason);
	for (const [person, changes] of [
		[protege!, protegeChanges],
		[mentor!, mentorChanges]
	] as const) {
		const assignment = await db
			.selectFrom('assignments')
			.select('id')
			.where('round_id', '=', round.roundId)
			.where('participant_id', '=', person)
			.executeTakeFirstOrThrow();
		const rows = document.constructs
			.flatMap((c) => c.items)
			.filter((item) => item.wave === 'pre')
			.map((item) => {
				const options = (item.options ?? []).filter((o) => !o.missing).map((o) => o.value);
				const fallback =
					item.type === 'text'
						? 'Private words'
						: item.type === 'number'
							? '6'
							: item.type === 'multi'
								? options.slice(0, 1)
								: options[2]!;
				return {
					assignment_id: assignment.id,
					item_key: item.key,
					value: JSON.stringify(changes[item.key] ?? fallback),
					updated_at: Date.now()
				};
			});
		await db.insertInto('responses').values(rows).execute();
		await db
			.updateTable('assignments')
			.set({ status: 'submitted', submitted_at: Date.now() })
			.where('id', '=', assignment.id)
			.execute();
	}
	link = `${server.url}/l/${await issueParticipantLink(db, protege!, Date.now() + 86_400_000, null)}`;
	await db.destroy();
});
test.afterAll(() => server?.stop());

test('a protégé opens the conversation guide on a computer and on a phone', async ({ browser }) => {
	const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await desk.goto(link);
	await desk.goto(`${server.url}/p/guide/${pairId}`);
	await expect(desk.getByRole('heading', { name: 'Your conversation guide' })).toBeVisible();
	await shoot(desk, 'guide-1280');
	await desk.emulateMedia({ media: 'print' });
	await expect(desk.getByText('use your browser’s Print')).toBeHidden();
	await shoot(desk, 'guide-1280-print', { fullPage: true });
	await desk.close();

	const phone = await browser.newContext({
		viewport: { width: 390, height: 844 },
		javaScriptEnabled: false
	});
	const page = await phone.newPage();
	await page.goto(link);
	await page.getByRole('link', { name: 'Open the guide' }).click();
	await expect(page).toHaveURL(new RegExp(`/p/guide/${pairId}$`));
	await expect(page.getByText('Big difference').first()).toBeVisible();
	await expect(page.getByText('Private words')).toHaveCount(0);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await shoot(page, 'guide-390');
	await page.getByRole('heading', { name: 'Contact' }).first().scrollIntoViewIfNeeded();
	await shoot(page, 'guide-390-contact');
	await page.getByRole('heading', { name: 'Where you agree' }).scrollIntoViewIfNeeded();
	await shoot(page, 'guide-390-agree');
	await shoot(page, 'guide-390-full', { fullPage: true });

	await page.getByRole('button', { name: 'Français' }).click();
	await expect(page.getByRole('heading', { name: 'Votre guide de conversation' })).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await shoot(page, 'guide-fr-390-full', { fullPage: true });
	await phone.close();
});
