import { expect, test, type Page } from '@playwright/test';
import { DEMO_SIGN_IN, seedDemo } from '../../src/lib/server/demo/seed-demo';
import { serverWithDatabase, signIn } from './helpers';

/**
 * What staff get on paper: the content only. No navigation, back link, message, form or button;
 * every folded section unfolded. Checked with the browser's print media, as Print and "Save as
 * PDF" lay the page out.
 */
const spec = serverWithDatabase();
let finishedProgramId: string;

test.beforeAll(async () => {
	finishedProgramId = (await seedDemo(spec.db)).finishedProgramId;
});

async function expectOnlyContentPrinted(page: Page) {
	await page.emulateMedia({ media: 'print' });
	for (const selector of ['nav', 'header', '.back-link', '[data-testid="flash"]'])
		await expect(page.locator(selector).first()).toBeHidden();
	const controls = page.locator('main').locator('button, input, select, textarea');
	for (const control of await controls.all()) await expect(control).toBeHidden();
	// Every folded section prints unfolded: its content takes room on the page.
	const folded = await page.locator('main details:not([open])').evaluateAll((all) =>
		all
			.filter((details) => details.getBoundingClientRect().height > 0)
			.map((details) => {
				const content = [...details.children].find((child) => child.tagName !== 'SUMMARY');
				return content ? content.getBoundingClientRect().height : 1;
			})
	);
	expect(folded.every((height) => height > 0)).toBe(true);
	return folded.length;
}

test('a pair page prints its standing, contacts, notebook and every topic, no forms', async ({
	browser
}) => {
	const page = await signIn(browser, spec.server, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
	// A pair both of whose check-in answers are in: every topic has a folded table.
	const pair = await spec.db
		.selectFrom('assignments')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.innerJoin('pairs', 'pairs.id', 'assignments.pair_id')
		.select(['pairs.id', 'pairs.program_id'])
		.where('rounds.wave', '=', 'mid')
		.where('assignments.status', '=', 'submitted')
		.groupBy('pairs.id')
		.having((eb) => eb.fn.countAll(), '>=', 2)
		.executeTakeFirstOrThrow();
	await page.goto(`${spec.server.url}/programs/${pair.program_id}/pairs/${pair.id}`);
	await expect(page.getByTestId('pair-actions')).toBeVisible();
	expect(await expectOnlyContentPrinted(page)).toBeGreaterThan(0);
	await expect(page.getByTestId('pair-actions')).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Notes and follow-ups' })).toBeVisible();
	await page.pdf({ path: 'test-results/pair-page.pdf', format: 'Letter' });
});

test('a sheet of links prints the names, links and QR codes alone', async ({ browser }) => {
	const page = await signIn(browser, spec.server, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
	const round = await spec.db
		.selectFrom('rounds')
		.select(['id', 'program_id'])
		.where('closed_at', 'is', null)
		.where('wave', '=', 'mid')
		.executeTakeFirstOrThrow();
	await page.goto(`${spec.server.url}/programs/${round.program_id}/rounds/${round.id}`);
	await page.locator('input[name="participantId"]').first().check();
	await page.getByRole('button', { name: 'Make personal links for the people ticked' }).click();
	await expect(page.getByTestId('flash')).toBeVisible();
	await expectOnlyContentPrinted(page);
	for (const hint of await page.locator('main .hint').all()) await expect(hint).toBeHidden();
	await expect(page.getByTestId('issued-links').locator('img.qr')).toBeVisible();
	await page.pdf({ path: 'test-results/link-sheet.pdf', format: 'A4' });
});

test('the report of last year’s cohort prints to a PDF with its figures and no controls', async ({
	browser
}) => {
	const page = await signIn(browser, spec.server, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
	await page.goto(`${spec.server.url}/programs/${finishedProgramId}`);
	await page.getByRole('link', { name: 'Report for funders' }).click();
	await expect(page).toHaveURL(`${spec.server.url}/programs/${finishedProgramId}/report`);
	await expect(page.getByRole('heading', { name: 'Outcomes after the program' })).toBeVisible();
	// Real figures: a share at work in their field at 12 months, with its interval.
	const twelve = page.getByRole('row', { name: /12 months/ }).first();
	await expect(twelve).toContainText(/\d+%\s*\d+ of \d+ · 95% interval \d+%–\d+%/);
	await expect(page.getByText('fewer than 5 people: not shown').first()).toBeVisible();
	await expectOnlyContentPrinted(page);
	await expect(page.getByText('To share it, print this page')).toBeHidden();
	await page.screenshot({ path: 'test-results/program-report-print.png', fullPage: true });
	const pdf = await page.pdf({ path: 'test-results/program-report.pdf', format: 'A4' });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThan(1);
});
