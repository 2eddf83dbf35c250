import { expect, test } from '@playwright/test';
import { openDatabase } from '../../src/lib/server/db/open';
import { startServer, type RunningServer } from '../helpers/server';
import { Audit } from './accessibility-audit';
import { AUTH_ROUTES, PARTICIPANT_ROUTES, STAFF_ROUTES, pageRoutes } from './accessibility-pages';
import { buildAccessibilityWorld, type AccessibilityWorld } from './accessibility-world';
import { walkParticipantPages, walkStaffPages } from './page-walks';

const PASSES = (['en', 'fr'] as const).flatMap((language) =>
	([390, 1280] as const).map((width) => ({ language, width }))
);

// Each worker builds its own world, so the passes spread over the workers.
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
	test(`staff pages in ${language} at ${width} px: no serious or critical problems`, async ({
		browser
	}) => {
		test.setTimeout(300_000);
		const audit = new Audit(language, width);
		await walkStaffPages(browser, audit, { server, empty }, world, index);
		audit.expectClean([...AUTH_ROUTES, ...STAFF_ROUTES]);
	});

	test(`participant pages in ${language} at ${width} px: no serious or critical problems`, async ({
		browser
	}) => {
		const audit = new Audit(language, width);
		await walkParticipantPages(browser, audit, server, world, index);
		audit.expectClean(PARTICIPANT_ROUTES);
	});
}

test('every page in src/routes is on the accessibility list', () => {
	const listed = new Set<string>([...AUTH_ROUTES, ...STAFF_ROUTES, ...PARTICIPANT_ROUTES]);
	expect(pageRoutes().filter((route) => !listed.has(route))).toEqual([]);
});
