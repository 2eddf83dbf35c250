import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor, signedIn } from '../helpers/browser-like';
import { openDatabaseAt } from '../helpers/database';
import { TEST_PASSWORD } from '../helpers/fixtures';
import { findLedgerProblemsInFile } from '../helpers/ledger-check';
import { LoadLedger } from '../helpers/load-ledger';
import { seedLoadProgram, type LoadProgram } from '../helpers/load-program';
import { ParticipantClient } from '../helpers/participant-client';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpSink } from '../helpers/smtp-sink';
import type { Db } from '../../src/lib/server/db';
import { addDays, todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

/**
 * Two app servers on one PostgreSQL database, as behind a load balancer: whatever one process
 * writes, the other sees, and whatever must happen once happens once across both.
 */
const DAY = 86_400_000;
const COORDINATOR = 'coord@load.org';

let program: LoadProgram;
let db: Db;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let servers: RunningServer[] = [];

beforeAll(async () => {
	program = await seedLoadProgram(100);
	db = openDatabaseAt(program.databasePath);
	// The first reminder is due today for everyone, asked four days ago when the round opened.
	await db
		.updateTable('rounds')
		.set({ opens_on: addDays(todayIn(DEFAULT_TIME_ZONE), -4), reminder_days: '[3]' })
		.execute();
	await db
		.updateTable('assignments')
		.set({ created_at: Date.now() - 4 * DAY })
		.execute();
	sink = await startSmtpSink();
	// Both run the mail scheduler, every half second: each would send every reminder alone.
	const env = { SMTP_URL: sink.url, MAIL_INTERVAL_MS: '500' };
	servers = await Promise.all([
		startServer({ databasePath: program.databasePath, env }),
		startServer({ databasePath: program.databasePath, env })
	]);
}, 120_000);
afterAll(async () => {
	await Promise.all(servers.map((server) => server.stop()));
	await sink?.stop();
	await db?.destroy();
	await program?.remove();
});

/** A page's HTML without its per-response CSP nonce. */
const page = async (visitor: Visitor, path: string) =>
	(await (await visitor.get(path)).text()).replace(/nonce="[^"]*"/g, '');

const other = (visitor: Visitor, server: RunningServer) => {
	const moved = new Visitor(server.url);
	for (const [name, value] of visitor.cookies) moved.cookies.set(name, value);
	return moved;
};

describe('two servers on one PostgreSQL database', () => {
	it('keeps a staff session made on one server valid on the other, and ends it on both', async () => {
		const [a, b] = servers as [RunningServer, RunningServer];
		const onA = await signedIn(a.url, COORDINATOR, TEST_PASSWORD);
		const onB = other(onA, b);
		expect((await onB.get('/programs')).status).toBe(200);
		expect((await onB.post('/signout', {})).status).toBe(303);
		expect((await onA.get('/programs')).headers.get('location')).toMatch(/^\/signin/);
	});

	it('sends each reminder once, though both servers run the reminders', async () => {
		const people = program.participants.length;
		await expect.poll(() => sink.received.length, { timeout: 60_000, interval: 250 }).toBe(people);
		// A few more scheduler passes on both servers find nothing more to send.
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		const addresses = sink.received.map((mail) => mail.to);
		expect(new Set(addresses).size).toBe(people);
		expect(sink.received).toHaveLength(people);
		const queued = await db.selectFrom('outbox').select('status').execute();
		expect(queued.map((message) => message.status)).toEqual(Array(people).fill('sent'));
	}, 90_000);

	it('loses and duplicates no answer of 200 participants saving across both, and each server sees the other’s', async () => {
		const [a, b] = servers as [RunningServer, RunningServer];
		const staffA = await signedIn(a.url, COORDINATOR, TEST_PASSWORD);
		const staffB = await signedIn(b.url, COORDINATOR, TEST_PASSWORD);
		const programId = (await db.selectFrom('programs').select('id').executeTakeFirstOrThrow()).id;
		const overview = `/programs/${programId}`;
		// Both servers' caches hold the overview before anyone answers.
		const before = await page(staffA, overview);
		expect(before).toContain('0 of 100');
		expect(await page(staffB, overview)).toBe(before);

		const ledger = new LoadLedger();
		const clients = program.participants.map(
			(person, i) => new ParticipantClient(person, ledger, servers[i % 2]!.url)
		);
		// Halfway, every phone is sent to the other server (a load balancer's new choice).
		const halfway = ledger.whenAcked(300).then(() => {
			for (const [i, client] of clients.entries()) client.moveTo(servers[(i + 1) % 2]!.url);
		});
		const results = await Promise.all(clients.map((client) => client.run()));
		await halfway;
		expect(ledger.serverErrors).toEqual([]);
		expect(ledger.lostReplies).toEqual([]);
		expect(ledger.surprises).toEqual([]);
		expect(results.filter((result) => result !== 'submitted')).toEqual([]);
		expect(await findLedgerProblemsInFile(program.databasePath, ledger)).toEqual([]);

		const sent = await db
			.selectFrom('assignments')
			.select('id')
			.where('submitted_at', 'is not', null)
			.execute();
		expect(sent).toHaveLength(program.participants.length);
		const afterA = await page(staffA, overview);
		expect(afterA.match(/100 of 100/g)).toHaveLength(2); // protégés and mentors
		expect(await page(staffB, overview)).toBe(afterA);
	}, 240_000);
});
