import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDatabase } from '../../src/lib/server/db/open';
import { DEMO_SIGN_IN, seedDemo } from '../../src/lib/server/demo/seed-demo';
import { addTestPair } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { shoot } from './helpers';

// The demo's IT program, plus one new pair nobody has answered for: "waiting", never "OK".
let server: RunningServer;
let programId: string;
let silentPairId: string;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startServer();
	const db = openDatabase(server.databasePath);
	const seed = await seedDemo(db);
	programId = seed.programIds[0]!;
	const staff = await db
		.selectFrom('staff_users')
		.selectAll()
		.where('email', '=', DEMO_SIGN_IN.email)
		.executeTakeFirstOrThrow();
	const program = await db
		.selectFrom('programs')
		.selectAll()
		.where('id', '=', programId)
		.executeTakeFirstOrThrow();
	const pair = await addTestPair(db, staff, program);
	silentPairId = pair.pairId;
	await db.destroy();
});
test.afterAll(async () => {
	await server?.stop();
});

const PASSES = [
	{ language: 'en', width: 1280, height: 800 },
	{ language: 'en', width: 390, height: 844 },
	{ language: 'fr', width: 1280, height: 800 },
	{ language: 'fr', width: 390, height: 844 }
] as const;

/** How far down the page an element ends, in px from the top of the document. */
async function bottomOf(locator: Locator): Promise<number> {
	return locator.evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
}

async function signIn(page: Page): Promise<void> {
	await page.goto(`${server.url}/signin`);
	await page.locator('input[name="email"]').fill(DEMO_SIGN_IN.email);
	await page.locator('input[name="password"]').fill(DEMO_SIGN_IN.password);
	await page.locator('main form button').first().click();
	await expect(page).toHaveURL(`${server.url}/`);
}

const RANK = { at_risk: 0, watch: 1, waiting: 2, ok: 3 } as const;

for (const { language, width, height } of PASSES) {
	test(`${language} at ${width} px: the pairs that need a coordinator come first, and act on one without scrolling far`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport: { width, height } });
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: language, url: server.url }]);
		const page = await context.newPage();
		await signIn(page);
		await page.goto(`${server.url}/programs/${programId}`);

		// The first screen: counts by status, and the first pair that needs attention with its reason.
		const counts = page.getByTestId('standing-counts');
		const first = page.getByTestId('attention-pair').first();
		expect(await bottomOf(counts)).toBeLessThanOrEqual(height);
		expect(await bottomOf(first.locator('a.names'))).toBeLessThanOrEqual(height);
		expect(await bottomOf(first.getByTestId('top-reason'))).toBeLessThanOrEqual(height);
		await expect(first.getByTestId('top-reason')).not.toBeEmpty();

		// The list follows the severity it shows: standing, then serious signals, then signals to watch.
		const shown = await page.getByTestId('attention-pair').evaluateAll((items) =>
			items.map((item) => ({
				standing: item.getAttribute('data-standing') as 'at_risk' | 'watch',
				serious: Number(item.getAttribute('data-serious')),
				watch: Number(item.getAttribute('data-watch'))
			}))
		);
		expect(shown.length).toBeGreaterThan(3);
		const key = (p: (typeof shown)[number]) => [RANK[p.standing], -p.serious, -p.watch];
		const sorted = [...shown].sort((a, b) => {
			const [x, y] = [key(a), key(b)];
			return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
		});
		expect(shown).toEqual(sorted);
		for (const pair of shown) expect(pair.serious + pair.watch).toBeGreaterThan(0);

		// Every pair at risk in the table has what raised it marked in its row: the item's cell, or
		// beside the names a signal with no number of its own (a check-in's answer).
		const atRisk = page.locator('[data-testid="pair-row"][data-standing="at_risk"]');
		expect(await atRisk.count()).toBeGreaterThan(0);
		for (const row of await atRisk.all())
			await expect(
				row.locator(
					'[data-testid="raised-mark"][data-level="at_risk"], [data-testid="raised-note"][data-level="at_risk"]'
				)
			).not.toHaveCount(0);
		await shoot(page, `workbench-overview-${width}-${language}`);

		// A pair without answers waits; it is never OK.
		const silent = `[data-testid="pair-row"]:has(a[href$="/pairs/${silentPairId}"])`;
		await page.goto(`${server.url}/programs/${programId}?status=ok`);
		await expect(page.locator(silent)).toHaveCount(0);
		await page.goto(`${server.url}/programs/${programId}?status=waiting`);
		await expect(page.locator(silent)).toHaveAttribute('data-standing', 'waiting');

		// An at-risk pair: status change, follow-up and note within the first 1.5 screens.
		await page.goto(`${server.url}/programs/${programId}`);
		await page.getByTestId('attention-pair').first().locator('a.names').click();
		await expect(page.getByTestId('pair-standing')).toContainText(
			language === 'en' ? 'At risk' : 'À risque'
		);
		for (const action of ['action-status', 'action-follow-up', 'action-note'])
			expect(await bottomOf(page.getByTestId(action).locator('summary'))).toBeLessThanOrEqual(
				height * 1.5
			);
		await shoot(page, `workbench-pair-${width}-${language}`);
		await context.close();
	});
}
