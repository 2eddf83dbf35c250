import { expect } from '@playwright/test';
import { PagePass, overflow, seriousViolations, type Language } from './accessibility-audit';
import { AUTH_ROUTES, PARTICIPANT_ROUTES, STAFF_ROUTES, pageRoutes } from './accessibility-pages';
import { testWithWalks, walkParticipantPages, walkStaffPages } from './page-walks';

// Every page fits the window (wide tables scroll in their own box) from the narrowest phone up, in
// both languages as French words run longer; axe-core checks it on a phone and on a desktop.
const WIDTHS = [
	{ width: 320, checks: [overflow] },
	{ width: 390, checks: [overflow, seriousViolations] },
	{ width: 1280, checks: [overflow, seriousViolations] }
];
// Right-to-left pages are checked where their layout is tightest: on the two phone widths.
const PHONE_WIDTHS = [
	{ width: 320, checks: [overflow, seriousViolations] },
	{ width: 390, checks: [overflow, seriousViolations] }
];
const FINDINGS =
	'fit the window at 320, 390 and 1280 px, no serious or critical axe problems at 390 and 1280 px';
const PHONE_FINDINGS = 'fit the window, no serious or critical axe problems, at 320 and 390 px';
const LANGUAGES: Language[] = ['en', 'fr'];
const RIGHT_TO_LEFT: Language[] = ['ar', 'fa'];
const PARTICIPANT_LANGUAGES = [...LANGUAGES, ...RIGHT_TO_LEFT];

// Each worker builds its own world once; each test goes to whichever worker is free, the longest
// first. Pass `index` uses up the world's surveys in `PARTICIPANT_LANGUAGES[index]`.
const test = testWithWalks(PARTICIPANT_LANGUAGES);
test.describe.configure({ mode: 'parallel' });

for (const [index, language] of LANGUAGES.entries())
	test(`staff pages in ${language}: ${FINDINGS}`, async ({ browser, walks }) => {
		// Loads every staff page once and checks it at each width: about 2 minutes on a busy 2-core machine.
		test.setTimeout(480_000);
		const pass = new PagePass(language, WIDTHS);
		await walkStaffPages(browser, pass, walks, index);
		pass.expectClean([...AUTH_ROUTES, ...STAFF_ROUTES]);
	});

for (const [index, language] of LANGUAGES.entries())
	test(`participant pages in ${language}: ${FINDINGS}`, async ({ browser, walks }) => {
		test.setTimeout(240_000);
		const pass = new PagePass(language, WIDTHS);
		await walkParticipantPages(browser, pass, walks, index);
		pass.expectClean(PARTICIPANT_ROUTES);
	});

for (const [offset, language] of RIGHT_TO_LEFT.entries())
	test(`participant pages in ${language}: ${PHONE_FINDINGS}`, async ({ browser, walks }) => {
		test.setTimeout(240_000);
		const pass = new PagePass(language, PHONE_WIDTHS);
		await walkParticipantPages(browser, pass, walks, LANGUAGES.length + offset);
		pass.expectClean(PARTICIPANT_ROUTES);
	});

test('every page in src/routes is on the accessibility list', () => {
	const listed = new Set<string>([...AUTH_ROUTES, ...STAFF_ROUTES, ...PARTICIPANT_ROUTES]);
	expect(pageRoutes().filter((route) => !listed.has(route))).toEqual([]);
});
