import { test } from '@playwright/test';
import { WidthCheck } from './accessibility-audit';
import { AUTH_ROUTES, PARTICIPANT_ROUTES, STAFF_ROUTES } from './accessibility-pages';
import { walkParticipantPages, walkServers, walkStaffPages } from './page-walks';

// French words run longer than English ones: the narrowest phone is tried in both.
const PASSES = [
	{ language: 'en', width: 320 },
	{ language: 'fr', width: 320 },
	{ language: 'en', width: 390 },
	{ language: 'en', width: 1280 }
] as const;

test.describe.configure({ mode: 'parallel' });

const spec = walkServers(PASSES.length);

for (const [index, { language, width }] of PASSES.entries()) {
	test(`every page in ${language} at ${width} px fits the window (wide tables scroll in their own box)`, async ({
		browser
	}) => {
		test.setTimeout(300_000);
		const check = new WidthCheck(language, width);
		await walkStaffPages(browser, check, spec, spec.world, index);
		await walkParticipantPages(browser, check, spec.server, spec.world, index);
		check.expectClean([...AUTH_ROUTES, ...STAFF_ROUTES, ...PARTICIPANT_ROUTES]);
	});
}
