import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit()
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
