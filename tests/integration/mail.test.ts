import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Program, Round, StaffUserRow } from '../../src/lib/server/db/schema';
import { composeMessage } from '../../src/lib/server/mail/compose';
import { deliverDueMessages, type Mailer } from '../../src/lib/server/mail/deliver';
import { MAX_ATTEMPTS } from '../../src/lib/server/mail/outbox';
import {
	dueSteps,
	runScheduledReminders,
	sendInvitations,
	sendRemindersNow
} from '../../src/lib/server/rounds/messaging';
import { addLatecomers } from '../../src/lib/server/rounds/rounds';
import { cliOutput } from '../helpers/cli';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff, openTestRound } from '../helpers/fixtures';
import { addPeople, createTestProgram, participantInput } from '../helpers/programs';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { addDays, todayIn } from '../../src/lib/time/days';
import { DEFAULT_TIME_ZONE } from '../../src/lib/time/zones';

let t: TestDatabase;
let staff: StaffUserRow;
let program: Program;
let round: Round;
const DAY = 86_400_000;
const OPENS = '2027-03-01';

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	staff = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	program = await createTestProgram(t.db, staff, {
		startDate: '2027-03-01',
		endDate: '2027-06-30'
	});
	await addPeople(t.db, staff, program.id, 'mentor', 3);
	await addPeople(t.db, staff, program.id, 'protege', 3);
	const roundId = await openTestRound(t.db, staff, program, 'pre', {
		opensOn: OPENS,
		closesOn: '2027-03-21'
	});
	round = await t.db
		.selectFrom('rounds')
		.selectAll()
		.where('id', '=', roundId)
		.executeTakeFirstOrThrow();
});
afterEach(() => t.close());

const at = (date: string) => Date.parse(`${date}T10:00:00Z`);

describe('reminder schedule', () => {
	it.each([
		['2027-03-03', []],
		['2027-03-04', [0]],
		['2027-03-08', [0, 1]],
		['2027-03-20', [0, 1, 2]]
	])('on %s the due steps are %j', (today, steps) => {
		expect(dueSteps(round, today)).toEqual(steps);
	});

	it('reaches each waiting person once per step', async () => {
		expect(await runScheduledReminders(t.db, 'https://tandem.example', at('2027-03-04'))).toBe(6);
		expect(await runScheduledReminders(t.db, 'https://tandem.example', at('2027-03-05'))).toBe(0);
		expect(await runScheduledReminders(t.db, 'https://tandem.example', at('2027-03-08'))).toBe(6);
		const messages = await t.db.selectFrom('outbox').select('kind').execute();
		expect(messages.map((m) => m.kind)).toEqual(Array(12).fill('reminder'));
	});

	it('sends once when two processes run the reminders at the same moment', async () => {
		// Make the first step due today, then run `npm run reminders`'s script twice at once.
		const today = todayIn(DEFAULT_TIME_ZONE);
		const opened = addDays(today, -4);
		await t.db
			.updateTable('rounds')
			.set({ opens_on: opened, closes_on: '2999-01-01', reminder_days: '[3]' })
			.execute();
		// Everyone was asked when the round opened, four days ago.
		await t.db
			.updateTable('assignments')
			.set({ created_at: Date.now() - 4 * DAY })
			.execute();
		const run = () => cliOutput('reminders', [], t.env);
		const outputs = await Promise.all([run(), run()]);
		const queued = outputs.map((o) => Number(o.match(/Reminders queued: (\d+)/)?.[1] ?? NaN));
		expect(queued[0]! + queued[1]!).toBe(6);
		expect(today >= opened).toBe(true);
		expect(await t.db.selectFrom('outbox').select('id').execute()).toHaveLength(6);
		expect(await t.db.selectFrom('reminder_sends').select('step').execute()).toHaveLength(6);
	}, 60_000);

	/** A person added to the round (and invited by mail) at `when`, as "Add latecomers" does. */
	async function latecomerAt(when: number, name: string): Promise<void> {
		const [id] = await insertParticipants(
			t.db,
			{ organizationId: staff.organization_id, programId: program.id },
			[participantInput({ role: 'protege', name, email: `${name}@example.org` })]
		);
		expect(await addLatecomers(t.db, staff, program, round, null, when)).toBe(1);
		await sendInvitations(t.db, staff, round, 'https://tandem.example', null);
		await t.db
			.updateTable('outbox')
			.set({ created_at: when })
			.where('participant_id', '=', id!)
			.execute();
	}

	/** Who the scheduled run at `when` reminds: how many people, and whether `name` is one. */
	const remindedOn = async (when: number, name: string) => {
		const reminders = () =>
			t.db
				.selectFrom('outbox')
				.innerJoin('participants', 'participants.id', 'outbox.participant_id')
				.select(['outbox.id', 'participants.name'])
				.where('outbox.kind', '=', 'reminder')
				.execute();
		const before = new Set((await reminders()).map((r) => r.id));
		await runScheduledReminders(t.db, 'https://tandem.example', when);
		const added = (await reminders()).filter((r) => !before.has(r.id));
		return { total: added.length, them: added.filter((r) => r.name === name).length };
	};

	it('counts a latecomer’s steps from their invitation, never within a day of it', async () => {
		// Opened 1 March with steps 3 and 7 days after opening and 1 day before closing (21 March).
		expect(await runScheduledReminders(t.db, 'https://tandem.example', at('2027-03-08'))).toBe(6);
		const invited = at('2027-03-10');
		await latecomerAt(invited, 'late');
		// Seconds after the invitation, and the next morning: nothing for them, though steps 3 and 7 are past.
		expect(await remindedOn(invited + 4_000, 'late')).toEqual({ total: 0, them: 0 });
		expect(await remindedOn(at('2027-03-11'), 'late')).toEqual({ total: 0, them: 0 });
		// Three days after their invitation, then seven: one reminder each time, to them alone.
		expect(await remindedOn(at('2027-03-13'), 'late')).toEqual({ total: 1, them: 1 });
		expect(await remindedOn(at('2027-03-16'), 'late')).toEqual({ total: 0, them: 0 });
		expect(await remindedOn(at('2027-03-17'), 'late')).toEqual({ total: 1, them: 1 });
	});

	it('waits a full day after an invitation even when the closing step is due', async () => {
		const invited = at('2027-03-19');
		await latecomerAt(invited, 'last');
		// The "1 day before closing" step falls on 20 March: a day after 10:00 on the 19th, not before.
		expect((await remindedOn(invited + 23 * 60 * 60_000, 'last')).them).toBe(0);
		expect((await remindedOn(invited + 24 * 60 * 60_000, 'last')).them).toBe(1);
	});

	it('leaves people invited less than a day ago out of a reminder sent now', async () => {
		const now = Date.now();
		expect(await sendInvitations(t.db, staff, round, 'https://tandem.example', null)).toBe(6);
		expect(await sendRemindersNow(t.db, staff, round, 'https://tandem.example', null, now)).toBe(0);
		expect(
			await sendRemindersNow(t.db, staff, round, 'https://tandem.example', null, now + DAY + 60_000)
		).toBe(6);
	});

	it('skips people who have sent their answers', async () => {
		const [first] = await t.db
			.selectFrom('assignments')
			.select('id')
			.where('role', '=', 'mentor')
			.execute();
		await t.db
			.updateTable('assignments')
			.set({ status: 'submitted' })
			.where('id', '=', first!.id)
			.execute();
		expect(await runScheduledReminders(t.db, 'https://tandem.example', at('2027-03-04'))).toBe(5);
	});
});

describe('outbox delivery', () => {
	it('redacts the personal link once a message is delivered', async () => {
		expect(await sendInvitations(t.db, staff, round, 'https://tandem.example', null)).toBe(6);
		expect(await sendInvitations(t.db, staff, round, 'https://tandem.example', null)).toBe(0);
		const sent: { to: string; text: string }[] = [];
		const mailer: Mailer = { send: async (message) => void sent.push(message) };
		expect(await deliverDueMessages(t.db, mailer)).toEqual({ sent: 6, failed: 0 });
		expect(sent[0]!.text).toMatch(/https:\/\/tandem\.example\/l\/[a-z2-7]{32}/);
		const stored = await t.db.selectFrom('outbox').selectAll().execute();
		for (const message of stored) {
			expect(message.status).toBe('sent');
			expect(message.body).not.toMatch(/\/l\/[a-z2-7]{32}/);
			expect(message.body).toContain('/l/[sent]');
		}
	});

	it('delivers each message once when two senders run at the same time', async () => {
		await sendInvitations(t.db, staff, round, 'https://tandem.example', null);
		const sent: string[] = [];
		const slow: Mailer = {
			send: async (message) =>
				void (await new Promise((r) => setTimeout(r, 5)), sent.push(message.to))
		};
		const results = await Promise.all([
			deliverDueMessages(t.db, slow),
			deliverDueMessages(t.db, slow)
		]);
		expect(results[0].sent + results[1].sent).toBe(6);
		expect(new Set(sent).size).toBe(6);
		expect(sent).toHaveLength(6);
	});

	it('retries a failing message with growing waits, then marks it failed', async () => {
		await sendInvitations(t.db, staff, round, 'https://tandem.example', null);
		const broken: Mailer = { send: async () => Promise.reject(new Error('connection refused')) };
		let now = Date.now();
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			await deliverDueMessages(t.db, broken, now);
			now += 60 * DAY;
		}
		const stored = await t.db.selectFrom('outbox').selectAll().execute();
		expect(stored.every((m) => m.status === 'failed' && m.attempts === MAX_ATTEMPTS)).toBe(true);
		expect(stored[0]!.last_error).toBe('connection refused');
		expect(stored[0]!.body).toMatch(/\/l\/[a-z2-7]{32}/);
	});
});

describe('message text', () => {
	it('is written in the person’s language, with the link on its own line', () => {
		const parts = {
			kind: 'reminder' as const,
			name: 'Amina',
			program: 'Printemps',
			organization: 'Accueil',
			link: 'https://x/l/abc',
			closesOn: '2027-03-21'
		};
		const fr = composeMessage({ ...parts, language: 'fr' });
		expect(fr.subject).toBe('Rappel : votre questionnaire de mentorat pour Printemps');
		expect(fr.body).toContain('Bonjour Amina,');
		expect(fr.body).toContain('21 mars 2027');
		expect(fr.body.split('\n')).toContain('https://x/l/abc');
		expect(composeMessage({ ...parts, language: 'en' }).body).toContain(
			'Please answer by March 21, 2027.'
		);
	});

	it('is written in Arabic with the names typed in Latin letters isolated, and in Chinese', () => {
		const parts = {
			kind: 'reminder' as const,
			name: 'Amina',
			program: 'Printemps',
			organization: 'Accueil',
			link: 'https://x/l/abc',
			closesOn: '2027-03-21'
		};
		const ar = composeMessage({ ...parts, language: 'ar' });
		expect(ar.subject).toBe('تذكير: استبيان الإرشاد الخاص بك في \u2068Printemps\u2069');
		expect(ar.body).toContain('مرحبًا \u2068Amina\u2069،');
		expect(ar.body).toContain('يُرجى الإجابة في موعد أقصاه 21 مارس 2027.');
		expect(ar.body.split('\n')).toContain('https://x/l/abc');
		const zh = composeMessage({ ...parts, language: 'zh-Hans' });
		expect(zh.body).toContain('2027年3月21日');
		expect(zh.body).not.toContain('\u2068');
		// A language without messages falls back to English.
		expect(composeMessage({ ...parts, language: 'pt-BR' }).subject).toBe(
			composeMessage({ ...parts, language: 'en' }).subject
		);
	});

	const named = (name: string, language = 'en') =>
		composeMessage({
			kind: 'invitation',
			language,
			name,
			program: 'Printemps',
			organization: 'Accueil',
			link: 'https://tandem.example/l/abc',
			closesOn: '2027-03-21'
		}).body;

	it.each([
		'=HYPERLINK("http://evil.example","x")',
		'Amina http://evil.example',
		'Amina www.evil.example',
		'evil.example',
		'Amina <amina@evil.example>',
		'mailto:amina@evil.example',
		'javascript:alert(1)',
		'Amina\nPlease pay at evil.example'
	])('greets %j without the name, and no link but ours in the mail', (name) => {
		const body = named(name);
		expect(body.split('\n')[0]).toBe('Hello,');
		expect(named(name, 'fr').split('\n')[0]).toBe('Bonjour,');
		expect(body).not.toMatch(/evil|alert/);
		expect(body.match(/https?:\/\/\S+/g)).toEqual(['https://tandem.example/l/abc']);
	});

	it.each([
		'Zoë Bélanger-Côté',
		'Nguyễn Văn A.',
		'Seán O’Brien',
		'J. R. Okafor',
		'Dr. Amina Diallo',
		'محمد الأحمد',
		'Олена Коваль'
	])('greets %j by name', (name) => {
		expect(named(name).split('\n')[0]).toBe(`Hello ${name},`);
	});
});
