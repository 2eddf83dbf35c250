import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupCommand } from '../helpers/backup-command';
import { signedIn, type Visitor } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

let server: RunningServer;
let restored: RunningServer | null = null;
let dir: string;
let coordinator: Visitor;
let programId: string;

function addParticipant(visitor: Visitor, name: string): Promise<Response> {
	return visitor.post(`/programs/${programId}/participants?/add`, {
		role: 'protege',
		name,
		email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`,
		language: 'en'
	});
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-backup-'));
	server = await startServer();
	const db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'Org A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	await db.destroy();
	coordinator = await signedIn(server.url, 'ana@a.org', TEST_PASSWORD);
	const created = await coordinator.post('/programs/new', {
		name: 'Backed-up cohort',
		description: '',
		startDate: '2027-09-01',
		endDate: '2027-12-15',
		defaultLanguage: 'en',
		status: 'active',
		watchThreshold: '0.7',
		riskThreshold: '0.5'
	});
	expect(created.status).toBe(303);
	programId = created.headers.get('location')!.split('/').at(-1)!;
});
afterAll(async () => {
	await restored?.stop();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
	it('takes a backup while the server keeps answering, and a fresh start on the copy has every acknowledged write', async () => {
		const acknowledged: string[] = [];
		let writing = true;
		const writer = (async () => {
			for (let i = 1; writing; i++) {
				const name = `Person ${i}`;
				const response = await addParticipant(coordinator, name);
				if (response.status !== 303) throw new Error(`add failed: ${response.status}`);
				acknowledged.push(name);
			}
		})();
		while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 20));

		const beforeBackup = [...acknowledged];
		const target = join(dir, 'tandem-backup.db');
		const backup = await runBackupCommand(server.databasePath, target);
		const duringBackup = acknowledged.length - beforeBackup.length;
		writing = false;
		await writer;

		expect(backup.output).toMatch(/Backed up .+ to .+tandem-backup\.db: \d+\.\d MB in \d+ ms/);
		expect(backup.code).toBe(0);
		expect(duringBackup, 'the server answered while the backup ran').toBeGreaterThan(0);

		const again = await runBackupCommand(server.databasePath, target);
		expect(again.code).toBe(1);
		expect(again.output).toContain('already exists. Add --force to replace it.');

		// Restore as the README says: copy the file to DATABASE_PATH and start.
		const restoredPath = join(dir, 'restored', 'tandem.db');
		mkdirSync(join(dir, 'restored'));
		copyFileSync(target, restoredPath);
		restored = await startServer({ env: { DATABASE_PATH: restoredPath } });

		const visitor = await signedIn(restored.url, 'ana@a.org', TEST_PASSWORD);
		const page = await visitor.get(`/programs/${programId}/participants`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Backed-up cohort');
		const listed = [...html.matchAll(/>(Person \d+)</g)].map((match) => match[1]!);
		for (const name of beforeBackup) expect(listed, name).toContain(name);
		// A prefix of the acknowledged writes: nothing torn, nothing invented.
		expect(listed.length).toBeGreaterThanOrEqual(beforeBackup.length);
		expect(new Set(listed)).toEqual(new Set(acknowledged.slice(0, listed.length)));
	});
});
