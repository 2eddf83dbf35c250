import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tests/helpers/chromium';

// Never downloads a browser: it drives the machine's Chromium (`apt-get install chromium`).
export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	timeout: 60_000,
	// Every spec starts its own server on its own database, so two run side by side: most of a
	// browser test is waiting, and CI has two cores.
	workers: 2,
	reporter: [['list']],
	use: {
		browserName: 'chromium',
		launchOptions: CHROMIUM_LAUNCH,
		trace: 'off'
	}
});
