import { expect, test } from '@playwright/test';
import { Audit } from './accessibility-audit';
import { AUTH_ROUTES, PARTICIPANT_ROUTES, STAFF_ROUTES, pageRoutes } from './accessibility-pages';
import { walkParticipantPages, walkServers, walkStaffPages } from './page-walks';

const PASSES = (['en', 'fr'] as const).flatMap((language) =>
	([390, 1280] as const).map((width) => ({ language, width }))
);

// Each worker builds its own world, so the passes spread over the workers.
test.describe.configure({ mode: 'parallel' });

const spec = walkServers(PASSES.length);

for (const [index, { language, width }] of PASSES.entries()) {
	test(`staff pages in ${language} at ${width} px: no serious or critical problems`, async ({
		browser
	}) => {
		test.setTimeout(300_000);
		const audit = new Audit(language, width);
		await walkStaffPages(browser, audit, spec, spec.world, index);
		audit.expectClean([...AUTH_ROUTES, ...STAFF_ROUTES]);
	});

	test(`participant pages in ${language} at ${width} px: no serious or critical problems`, async ({
		browser
	}) => {
		// Walks every participant page: 40–60 s on a busy 2-core machine.
		test.setTimeout(180_000);
		const audit = new Audit(language, width);
		await walkParticipantPages(browser, audit, spec.server, spec.world, index);
		audit.expectClean(PARTICIPANT_ROUTES);
	});
}

test('every page in src/routes is on the accessibility list', () => {
	const listed = new Set<string>([...AUTH_ROUTES, ...STAFF_ROUTES, ...PARTICIPANT_ROUTES]);
	expect(pageRoutes().filter((route) => !listed.has(route))).toEqual([]);
});
