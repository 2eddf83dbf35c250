import { defineConfig } from 'vitest/config';
import base from './vite.config';

/**
 * Tests of the SQLite file itself: its online backup, its page limit standing in for a full disk,
 * and the bytes of the file and its write-ahead log after an erasure. PostgreSQL's counterparts
 * are in tests/postgres (backup advice, the multi-process run).
 */
const sqliteFileOnly = [
	'tests/integration/backup.test.ts',
	'tests/integration/disk-full.test.ts',
	'tests/http/backup-restore.test.ts',
	'tests/http/erasure-on-disk.test.ts'
];

/**
 * HTTP tests of what the database never sees, run once on SQLite to keep CI within its time: the
 * server's socket timeouts, the security headers, the password queue's door, and pages rendered
 * from the same evidence code whose queries tests/integration runs here (evidence-cache.test.ts).
 */
const engineIndependent = [
	'tests/http/slow-clients.test.ts',
	'tests/http/security.test.ts',
	'tests/http/signin-flood.test.ts',
	'tests/http/overview-states.test.ts'
];

// `npm run test:postgres`: tests/postgres, then the integration and HTTP suites, on PostgreSQL
// (tests/helpers/database.ts and server.ts give each a throwaway PostgreSQL database).
export default defineConfig({
	...base,
	test: {
		...base.test,
		include: [
			'tests/postgres/**/*.test.ts',
			'tests/integration/**/*.test.ts',
			'tests/http/**/*.test.ts'
		],
		exclude: [...sqliteFileOnly, ...engineIndependent],
		env: { TEST_DATABASE_ENGINE: 'postgres' }
	}
});
