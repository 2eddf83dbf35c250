import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundWriter, type BackgroundWriter } from '../helpers/background-writer';
import { findLedgerProblemsInFile } from '../helpers/ledger-check';
import { LoadLedger } from '../helpers/load-ledger';
import { seedLoadProgram, type LoadProgram } from '../helpers/load-program';
import { ParticipantClient } from '../helpers/participant-client';
import { startServer, type RunningServer } from '../helpers/server';

let program: LoadProgram;
let server: RunningServer;
let writer: BackgroundWriter | undefined;

beforeAll(async () => {
	program = await seedLoadProgram(100);
	server = await startServer({ databasePath: program.databasePath });
});
afterAll(async () => {
	await writer?.stop();
	await server?.stop();
	await program?.remove();
});

describe('200 participants answering at the same time', () => {
	it('keeps every acknowledged answer exactly once, with no SQLITE_BUSY and no server error', async () => {
		const ledger = new LoadLedger();
		writer = await startBackgroundWriter(program.databasePath);
		const clients = program.participants.map((p) => new ParticipantClient(p, ledger, server.url));
		const results = await Promise.all(clients.map((client) => client.run()));
		const background = await writer.stop();
		writer = undefined;

		expect(ledger.lostReplies, server.output().slice(-3000)).toEqual([]);
		expect(ledger.serverErrors).toEqual([]);
		expect(await findLedgerProblemsInFile(program.databasePath, ledger)).toEqual([]);
		expect(ledger.surprises).toEqual([]);
		expect(results.filter((r) => r !== 'submitted')).toEqual([]);
		expect(server.output()).not.toContain('SQLITE_BUSY');
		expect(background.output).not.toContain('failed');
		expect(background.writes).toBeGreaterThan(100);

		// The faults really happened: pages sent more than once, surveys sent more than once.
		const pages = new Set(ledger.saves.map((s) => `${s.assignmentId} ${s.page}`));
		expect(ledger.saves.length).toBeGreaterThan(pages.size * 1.15);
		expect(ledger.submits.length).toBeGreaterThan(clients.length * 1.05);
	}, 240_000);
});
