import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitWithOthers } from '../../src/lib/server/db/group-commit';
import type { Db } from '../../src/lib/server/db';
import {
	createTestDatabase,
	onPostgres,
	openAnotherConnection,
	type TestDatabase
} from '../helpers/database';
import { fillDisk, makeRoom } from '../helpers/full-disk';

let t: TestDatabase;
let reader: Db;

beforeEach(async () => {
	t = await createTestDatabase();
	reader = openAnotherConnection(t);
});
afterEach(async () => {
	await reader.destroy();
	await t.close();
});

const addOrganization = (id: string) =>
	commitWithOthers(t.db, async (tx) => {
		await tx.insertInto('organizations').values({ id, name: id, created_at: 1 }).execute();
		return id;
	});

/** How many organizations with this id another process sees. */
const onDisk = async (id: string) =>
	(await reader.selectFrom('organizations').select('id').where('id', '=', id).execute()).length;

describe('writes committed together', () => {
	it('acknowledges each of many concurrent writes only once another connection can read it', async () => {
		const ids = Array.from({ length: 120 }, (_, i) => `org-${i}`);
		const seenWhenAcknowledged = await Promise.all(
			ids.map((id) => addOrganization(id).then(onDisk))
		);
		expect(seenWhenAcknowledged).toEqual(ids.map(() => 1));
	});

	it('rolls back and rejects only the write that failed; the others land', async () => {
		const failing = commitWithOthers(t.db, async (tx) => {
			await tx
				.insertInto('organizations')
				.values({ id: 'half', name: 'half', created_at: 1 })
				.execute();
			throw new Error('refused halfway');
		});
		const results = await Promise.allSettled([
			addOrganization('before'),
			failing,
			addOrganization('after')
		]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(await Promise.all(['before', 'half', 'after'].map(onDisk))).toEqual([1, 0, 1]);
	});

	it('lets each write see the ones queued before it, in the order they arrived', async () => {
		const first = addOrganization('first');
		const second = commitWithOthers(t.db, (tx) =>
			tx.selectFrom('organizations').select('id').where('id', '=', 'first').executeTakeFirst()
		);
		await first;
		expect(await second).toEqual({ id: 'first' });
	});

	it('rejects every write of a commit that fails, and none of them lands', async () => {
		await sql`create table parent (id text primary key)`.execute(t.db);
		await sql`create table child (parent_id text references parent (id) deferrable initially deferred)`.execute(
			t.db
		);
		// Checked only at commit: the whole shared transaction is refused.
		const orphan = commitWithOthers(t.db, (tx) =>
			sql`insert into child (parent_id) values ('nobody')`.execute(tx)
		);
		const results = await Promise.allSettled([addOrganization('innocent'), orphan]);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(await onDisk('innocent')).toBe(0);
		expect(await addOrganization('later')).toBe('later');
	});

	// A SQLite file's page limit stands in for a full disk; PostgreSQL has no such limit.
	it.skipIf(onPostgres)(
		'rejects every write of a commit the disk refused with the disk’s own error',
		async () => {
			await fillDisk(t.db);
			const tooBig = commitWithOthers(t.db, (tx) =>
				tx
					.insertInto('organizations')
					.values({ id: 'big', name: 'x'.repeat(10_000), created_at: 1 })
					.execute()
			);
			const results = await Promise.allSettled([
				addOrganization('before'),
				tooBig,
				addOrganization('after')
			]);
			expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
				'SQLITE_FULL',
				'SQLITE_FULL',
				'SQLITE_FULL'
			]);
			expect(await Promise.all(['before', 'big', 'after'].map(onDisk))).toEqual([0, 0, 0]);
			await makeRoom(t.db);
			expect(await addOrganization('later')).toBe('later');
		}
	);
});

// The statement cache is better-sqlite3's (db/statement-cache.ts).
describe.skipIf(onPostgres)('prepared statements kept by their SQL', () => {
	it('gives right answers when the same query runs again with other values', async () => {
		await Promise.all(['a', 'b', 'c'].map(addOrganization));
		const nameOf = async (id: string) =>
			(
				await t.db
					.selectFrom('organizations')
					.select('name')
					.where('id', '=', id)
					.executeTakeFirst()
			)?.name;
		expect([await nameOf('a'), await nameOf('c'), await nameOf('b'), await nameOf('x')]).toEqual([
			'a',
			'c',
			'b',
			undefined
		]);
	});

	it('runs a query again after a stream of it was left halfway', async () => {
		await Promise.all(['a', 'b', 'c'].map(addOrganization));
		const query = t.db.selectFrom('organizations').select('id').orderBy('id');
		for await (const row of query.stream()) {
			expect(row.id).toBe('a');
			break;
		}
		expect((await query.execute()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
	});

	it('still answers once more distinct queries have run than it keeps', async () => {
		await addOrganization('kept');
		for (let i = 0; i < 600; i++)
			await sql`select ${sql.lit(i)} as n from organizations`.execute(t.db);
		const again = await sql<{ n: number }>`select ${sql.lit(3)} as n from organizations`.execute(
			t.db
		);
		expect(again.rows).toEqual([{ n: 3 }]);
	});
});
