import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { Visitor, locationOf } from '../helpers/browser-like';
import { TEST_PASSWORD, createOrganizationWithStaff } from '../helpers/fixtures';
import { addPeople, createTestProgram } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpSink } from '../helpers/smtp-sink';
import { todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';
import { openDatabaseAt } from '../helpers/database';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let server: RunningServer;
let db: Db;
let coordinator: Visitor;
let roundPath: string;

async function waitFor(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 100));
	}
}

beforeAll(async () => {
	sink = await startSmtpSink();
	server = await startServer({
		env: { SMTP_URL: sink.url, MAIL_FROM: 'Tandem <tandem@example.org>', MAIL_INTERVAL_MS: '300' }
	});
	db = openDatabaseAt(server.databasePath);
	await createOrganizationWithStaff(db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	const ana = await db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	const program = await createTestProgram(db, ana, { name: 'Printemps' });
	await addPeople(db, ana, program.id, 'mentor', 2);
	const [protege] = await addPeople(db, ana, program.id, 'protege', 2);
	await db.updateTable('participants').set({ language: 'fr' }).where('id', '=', protege!).execute();
	coordinator = new Visitor(server.url);
	await coordinator.post('/signin', { email: 'ana@a.org', password: TEST_PASSWORD });
	const version = await db.selectFrom('instrument_versions').select('id').executeTakeFirstOrThrow();
	const today = todayIn(DEFAULT_TIME_ZONE);
	const opened = await coordinator.post(`/programs/${program.id}/rounds/new`, {
		versionId: version.id,
		wave: 'pre',
		opensOn: today,
		closesOn: '2999-01-01'
	});
	roundPath = locationOf(opened)!.split('?')[0]!;
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
	await sink?.stop();
});

describe('invitations by email', () => {
	it('land in the SMTP server, in each person’s language, with a working personal link', async () => {
		const response = await coordinator.post(`${roundPath}?/invite`, {});
		expect(locationOf(response)).toBe(roundPath);
		expect(await (await coordinator.get(roundPath)).text()).toContain('Invitations queued: 4.');
		await waitFor(() => sink.received.length === 4);
		const french = sink.received.find((mail) => mail.to[0] === 'protege1@example.org')!;
		expect(french.raw).toContain('From: Tandem <tandem@example.org>');
		expect(french.text).toContain('Bonjour protege 1,');
		expect(french.text).toContain('Ouvrez votre lien personnel');
		const english = sink.received.find((mail) => mail.to[0] === 'mentor1@example.org')!;
		expect(english.text).toContain('Open your personal link');
		const link = french.text.match(/http:\/\/127\.0\.0\.1:\d+\/l\/[a-z2-7]{32}/)![0];
		const visitor = new Visitor(server.url);
		expect(locationOf(await visitor.get(link))).toBe('/p');
		expect(locationOf(await visitor.get('/p'))).toBe('/p/consent');
	});

	it('keep no personal link in the outbox once delivered', async () => {
		await waitFor(
			async () =>
				(await db.selectFrom('outbox').select('status').where('status', '!=', 'sent').execute())
					.length === 0
		);
		const stored = await db.selectFrom('outbox').select('body').execute();
		expect(stored).toHaveLength(4);
		for (const message of stored) expect(message.body).not.toMatch(/\/l\/[a-z2-7]{32}/);
	});

	it('are not sent twice to the same people', async () => {
		const again = await coordinator.post(`${roundPath}?/invite`, {});
		expect(locationOf(again)).toBe(roundPath);
		expect(await (await coordinator.get(roundPath)).text()).toContain('Invitations queued: 0.');
	});

	it('may be sent ten times an hour by one staff member; the eleventh is asked to wait', async () => {
		for (let send = 3; send <= 10; send++)
			expect((await coordinator.post(`${roundPath}?/invite`, {})).status).toBe(303);
		const eleventh = await coordinator.post(`${roundPath}?/invite`, {});
		expect(eleventh.status).toBe(429);
		expect(await eleventh.text()).toMatch(
			/You have sent a lot of mail in the last hour. Wait (59|60) minutes/
		);
	});
});
