import { defineConfig } from 'vitest/config';
import base from './vite.config';

// `npm run test:postgres`: the tests that run against PostgreSQL (tests/helpers/postgres.ts).
export default defineConfig({
	...base,
	test: {
		...base.test,
		include: ['tests/postgres/**/*.test.ts'],
		exclude: []
	}
});
