import { defineConfig } from 'vitest/config';
import base from './vite.config';

/**
 * The integration tests that already pass on PostgreSQL (issue 18 lists what the others need):
 * tests/helpers/database.ts gives them a throwaway PostgreSQL database instead of a SQLite file.
 */
const passingOnPostgres = [
	'attempt-limit',
	'audit-log',
	'instrument-import',
	'instruments',
	'mail',
	'organizations',
	'pair-notes',
	'pairs',
	'participant-csv',
	'participant-import',
	'participant-list',
	'privacy-export',
	'self-withdrawal',
	'sessions',
	'setup',
	'signin',
	'survey-saves',
	'time-zone',
	'two-factor'
];

// `npm run test:postgres`: tests/postgres, then those integration tests, on PostgreSQL.
export default defineConfig({
	...base,
	test: {
		...base.test,
		include: [
			'tests/postgres/**/*.test.ts',
			...passingOnPostgres.map((name) => `tests/integration/${name}.test.ts`)
		],
		exclude: [],
		env: { TEST_DATABASE_ENGINE: 'postgres' }
	}
});
