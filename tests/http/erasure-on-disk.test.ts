import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { runBackupCommand } from '../helpers/backup-command';
import { Visitor, locationOf } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff, staffByEmail } from '../helpers/fixtures';
import { MARIA, buildPrivacyWorld, type PrivacyWorld } from '../helpers/privacy';
import { startServer, type RunningServer } from '../helpers/server';
import { openDatabaseAt } from '../helpers/database';

/** Where María opened her link from: the server reads the address from X-Forwarded-For. */
const MARIA_IP = '198.51.100.203';
const MARIA_BROWSER = 'Mozilla/5.0 (Linux; Android 14; MariaPhone-7731) Mobile Safari/537.36';
const NEEDLES = [MARIA.name, MARIA.email, 'María-José', 'Núñez', MARIA_IP, MARIA_BROWSER];

let server: RunningServer;
let db: Db;
let world: PrivacyWorld;
let dir: string;

/** Every needle found in the raw bytes of a file, as SQLite wrote them (UTF-8). */
function needlesIn(path: string): string[] {
	if (!existsSync(path)) return [];
	const bytes = readFileSync(path);
	return NEEDLES.filter((needle) => bytes.includes(Buffer.from(needle, 'utf8')));
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-erasure-'));
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	world = await buildPrivacyWorld(db, await staffByEmail(db, 'ana@a.org'), server.url);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('erasing a person', () => {
	it('leaves no trace of her in the database file, its write-ahead log, or a backup taken after', async () => {
		const maria = new Visitor(server.url, server.url, {
			'user-agent': MARIA_BROWSER,
			'x-forwarded-for': MARIA_IP
		});
		const opened = await maria.openLink(`/l/${world.linkToken}`);
		expect(opened.status).toBe(200);
		expect(await opened.text()).toContain('Your surveys');
		const onDisk = [...needlesIn(server.databasePath), ...needlesIn(`${server.databasePath}-wal`)];
		expect(new Set(onDisk), 'the scan finds her before the erasure').toEqual(new Set(NEEDLES));

		const coordinator = new Visitor(server.url, server.url, { 'x-forwarded-for': '192.0.2.1' });
		expect(
			(await coordinator.post('/signin', { email: 'ana@a.org', password: TEST_PASSWORD })).status
		).toBe(303);
		const erased = await coordinator.post(
			`/programs/${world.program.id}/participants/${world.maria}/erase`,
			{ mode: 'anonymise', confirmName: MARIA.name }
		);
		expect(locationOf(erased)).toBe(`/programs/${world.program.id}/participants/${world.maria}`);
		const backup = join(dir, 'after-erasure.db');
		expect((await runBackupCommand(server.databasePath, backup)).code).toBe(0);

		expect({
			database: needlesIn(server.databasePath),
			writeAheadLog: needlesIn(`${server.databasePath}-wal`),
			backup: needlesIn(backup)
		}).toEqual({ database: [], writeAheadLog: [], backup: [] });
	});
});
