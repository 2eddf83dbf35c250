import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CHART_ISLAND_FILE } from './src/lib/components/charts/chart-island-file';

/**
 * Builds the chart island (src/lib/components/charts/island.ts) as its own entry of the browser
 * build, under a fixed name: pages drawn on the server alone load it by that name.
 */
function chartIsland(): Plugin {
	let browserBuild = false;
	return {
		name: 'tandem-chart-island',
		apply: 'build',
		configResolved(config) {
			browserBuild = !config.build.ssr;
		},
		buildStart() {
			if (!browserBuild) return;
			this.emitFile({
				type: 'chunk',
				id: './src/lib/components/charts/island.ts',
				fileName: CHART_ISLAND_FILE
			});
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		chartIsland()
	],
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'tests/postgres/**'],
		expect: { requireAssertions: true },
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// Vitest's default on two cores is one worker; most of a test here waits on its server or
		// database, so two files side by side halve CI's time.
		maxWorkers: 2
	}
});
