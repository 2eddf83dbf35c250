import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffUserRow } from '../../src/lib/server/db/schema';
import { eraseParticipant } from '../../src/lib/server/privacy/erase-participant';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganizationWithStaff } from '../helpers/fixtures';
import {
	MARIA,
	MARIA_NEEDLES,
	buildPrivacyWorld,
	findMentions,
	type PrivacyWorld
} from '../helpers/privacy';
import { addPeople } from '../helpers/programs';

let t: TestDatabase;
let ana: StaffUserRow;
let world: PrivacyWorld;

beforeEach(async () => {
	t = await createTestDatabase();
	await createOrganizationWithStaff(t.db, 'A', [{ email: 'ana@a.org', role: 'coordinator' }]);
	ana = await t.db.selectFrom('staff_users').selectAll().executeTakeFirstOrThrow();
	world = await buildPrivacyWorld(t.db, ana);
});
afterEach(() => t.close());

const participant = (id: string) =>
	t.db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();

const answersOf = (participantId: string) =>
	t.db
		.selectFrom('responses')
		.innerJoin('assignments', 'assignments.id', 'responses.assignment_id')
		.select(['responses.item_key', 'responses.value'])
		.where('assignments.participant_id', '=', participantId)
		.execute();

const erase = async (id: string, mode: 'anonymise' | 'delete') =>
	eraseParticipant(t.db, ana, (await participant(id))!, mode, '198.51.100.7');

describe('before erasure', () => {
	it('María is named in many places (the scan finds what it looks for)', async () => {
		const places = new Set((await findMentions(t.db, MARIA_NEEDLES)).map((p) => p.split(':')[0]));
		expect([...places].sort()).toEqual([
			'audit_log.detail',
			'outbox.body',
			'outbox.to_address',
			'pair_follow_ups.what',
			'pair_notes.body',
			'pair_status_changes.reason',
			'participant_imports.content',
			'participants.email',
			'participants.name',
			'participants.notes',
			'participants.phone',
			'responses.value'
		]);
	});
});

describe.each(['anonymise', 'delete'] as const)('erasing María (%s)', (mode) => {
	it('leaves her name, email and phone nowhere in the database', async () => {
		await erase(world.maria, mode);
		expect(await findMentions(t.db, MARIA_NEEDLES)).toEqual([]);
	});

	it('removes her links, sessions, messages and her pair’s notes, follow-ups and reasons', async () => {
		await erase(world.maria, mode);
		const count = async (table: 'participant_links' | 'sessions' | 'outbox') =>
			(
				await t.db
					.selectFrom(table)
					.select('participant_id')
					.where('participant_id', '=', world.maria)
					.execute()
			).length;
		expect([
			await count('participant_links'),
			await count('sessions'),
			await count('outbox')
		]).toEqual([0, 0, 0]);
		const notes = await t.db.selectFrom('pair_notes').select(['pair_id', 'body']).execute();
		expect(notes).toEqual([{ pair_id: world.otherPair, body: 'Olga knows [erased] from work' }]);
		expect(await t.db.selectFrom('pair_follow_ups').select('id').execute()).toEqual([]);
		const reasons = await t.db
			.selectFrom('pair_status_changes')
			.select(['to_status', 'reason'])
			.where('pair_id', '=', world.mariaPair)
			.orderBy('changed_at')
			.execute();
		expect(reasons.map((r) => r.to_status)).toEqual(['active', 'paused', 'ended_early']);
		expect(reasons.slice(0, 2).map((r) => r.reason)).toEqual(['', '']);
	});

	it('keeps her pair, ended, and her partner’s answers with her name taken out', async () => {
		await erase(world.maria, mode);
		const pair = await t.db
			.selectFrom('pairs')
			.select(['status', 'mentor_id'])
			.where('id', '=', world.mariaPair)
			.executeTakeFirstOrThrow();
		expect(pair).toEqual({ status: 'ended_early', mentor_id: world.maria });
		const pedro = await answersOf(world.pedro);
		expect(pedro.find((a) => a.item_key === 'check_in_anything_else')?.value).toBe(
			JSON.stringify('[erased] already helped me with my résumé')
		);
		expect(pedro.length).toBeGreaterThan(20);
		expect((await participant(world.tom))?.notes).toBe('Met [erased] at the job fair');
	});

	it('writes one audit entry naming the mode, and keeps her placeholder row', async () => {
		await erase(world.maria, mode);
		const row = await participant(world.maria);
		expect(row).toMatchObject({
			name: `Erased participant ${world.maria.slice(0, 6)}`,
			email: `erased-${world.maria}@erased.invalid`,
			phone: null,
			occupation: null,
			notes: '',
			consent_date: null,
			consented_at: null,
			status: 'withdrawn',
			withdrawn_reason: null
		});
		expect(row?.erased_at).toBeTypeOf('number');
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['actor_staff_id', 'detail', 'ip'])
			.where('action', '=', 'participant.erased')
			.where('target_id', '=', world.maria)
			.execute();
		expect(audit).toEqual([
			{ actor_staff_id: ana.id, detail: JSON.stringify({ mode }), ip: '198.51.100.7' }
		]);
	});
});

describe('the two modes', () => {
	it('anonymise keeps her scored answers and drops only her written one', async () => {
		const before = await answersOf(world.maria);
		await erase(world.maria, 'anonymise');
		const after = await answersOf(world.maria);
		expect(after.map((a) => a.item_key)).not.toContain('check_in_anything_else');
		expect(after).toHaveLength(before.length - 1);
	});

	it('delete removes every answer and assignment of hers', async () => {
		await erase(world.maria, 'delete');
		expect(await answersOf(world.maria)).toEqual([]);
		const assignments = await t.db
			.selectFrom('assignments')
			.select('id')
			.where('participant_id', '=', world.maria)
			.execute();
		expect(assignments).toEqual([]);
	});

	it('delete removes the row itself of a person who was never paired', async () => {
		const [loner] = await addPeople(t.db, ana, world.program.id, 'mentor', 1);
		await erase(loner!, 'delete');
		expect(await participant(loner!)).toBeUndefined();
	});

	it('uploaded files: a finished import is emptied, one awaiting confirmation is dropped', async () => {
		await erase(world.maria, 'anonymise');
		const uploads = await t.db
			.selectFrom('participant_imports')
			.select(['file_name', 'content'])
			.execute();
		expect(uploads).toEqual([{ file_name: 'people.csv', content: '' }]);
	});

	it('leaves other people’s rows as they were', async () => {
		const olga = await participant(world.olga);
		await erase(world.maria, 'delete');
		expect(await participant(world.olga)).toEqual(olga);
		expect(MARIA.name).not.toBe(olga?.name);
	});
});
