import { test } from '@playwright/test';
import { openDatabase } from '../../src/lib/server/db/open';
import { startServer, type RunningServer } from '../helpers/server';
import { WidthCheck } from './accessibility-audit';
import { AUTH_ROUTES, PARTICIPANT_ROUTES, STAFF_ROUTES } from './accessibility-pages';
import { buildAccessibilityWorld, type AccessibilityWorld } from './accessibility-world';
import { walkParticipantPages, walkStaffPages } from './page-walks';

// French words run longer than English ones: the narrowest phone is tried in both.
const PASSES = [
	{ language: 'en', width: 320 },
	{ language: 'fr', width: 320 },
	{ language: 'en', width: 390 },
	{ language: 'en', width: 1280 }
] as const;

test.describe.configure({ mode: 'parallel' });

let world: AccessibilityWorld;
let server: RunningServer;
let empty: RunningServer;
test.beforeAll(async () => {
	test.setTimeout(120_000);
	[server, empty] = await Promise.all([startServer(), startServer()]);
	const db = openDatabase(server.databasePath);
	world = await buildAccessibilityWorld(db, PASSES.length);
	await db.destroy();
});
test.afterAll(async () => {
	await Promise.all([server?.stop(), empty?.stop()]);
});

for (const [index, { language, width }] of PASSES.entries()) {
	test(`every page in ${language} at ${width} px fits the window (wide tables scroll in their own box)`, async ({
		browser
	}) => {
		test.setTimeout(300_000);
		const check = new WidthCheck(language, width);
		await walkStaffPages(browser, check, { server, empty }, world, index);
		await walkParticipantPages(browser, check, server, world, index);
		check.expectClean([...AUTH_ROUTES, ...STAFF_ROUTES, ...PARTICIPANT_ROUTES]);
	});
}
