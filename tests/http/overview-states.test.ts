import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/open';
import { DEMO_SIGN_IN, seedDemo } from '../../src/lib/server/demo/seed-demo';
import { submitAssignment } from '../../src/lib/server/survey/answers';
import { signedIn, Visitor } from '../helpers/browser-like';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';
import { BENCH_SIGN_IN, seedBench } from '../bench/seed-bench';

/**
 * The faster paths (sent answers kept in one row each, a program's evidence kept while nothing
 * changes, a pair's risk worked out again only when its answers change) show exactly what a new
 * server process shows: the overview and pair pages read from nothing, from memory, and from
 * memory updated by one more survey, byte for byte but for the page's nonce.
 */
const servers: RunningServer[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
	for (const server of servers) await server.stop();
	for (const database of databases) await database.close();
});

async function serve(t: TestDatabase) {
	const server = await startServer({ databasePath: t.path, env: { TANDEM_SCHEDULER: 'off' } });
	servers.push(server);
	return server;
}

/** A page as a signed-in person sees it, with what differs per response (the CSP nonce) blanked. */
async function page(visitor: Visitor, path: string): Promise<string> {
	const response = await visitor.get(path);
	expect(response.status, path).toBe(200);
	return (await response.text()).replace(/nonce="[^"]*"/g, 'nonce=""');
}

function onServer(visitor: Visitor, server: RunningServer): Visitor {
	const moved = new Visitor(server.url);
	for (const [name, value] of visitor.cookies) moved.cookies.set(name, value);
	return moved;
}

/** An answered survey of the program's open round not yet sent: one more arriving. */
async function surveyToSend(db: Db, programId: string): Promise<{ id: string; pairId: string }> {
	const row = await db
		.selectFrom('assignments')
		.innerJoin('rounds', 'rounds.id', 'assignments.round_id')
		.select(['assignments.id', 'assignments.pair_id'])
		.where('rounds.program_id', '=', programId)
		.where('assignments.status', '!=', 'submitted')
		.where('assignments.pair_id', 'is not', null)
		.orderBy('assignments.status', 'desc')
		.orderBy('assignments.id')
		.executeTakeFirstOrThrow();
	return { id: row.id, pairId: row.pair_id! };
}

async function expectSameFromEveryState(
	t: TestDatabase,
	signIn: { email: string; password: string },
	programId: string,
	pairId: string
) {
	const overview = `/programs/${programId}`;
	const first = await serve(t);
	const staff = await signedIn(first.url, signIn.email, signIn.password);
	const send = await surveyToSend(t.db, programId);
	const pages = [overview, `${overview}/pairs/${pairId}`, `${overview}/pairs/${send.pairId}`];

	const cold = [];
	for (const path of pages) cold.push(await page(staff, path));
	const warm = [];
	for (const path of pages) warm.push(await page(staff, path));
	expect(warm).toEqual(cold);

	await submitAssignment(t.db, send.id);
	const updated = [];
	for (const path of pages) updated.push(await page(staff, path));
	expect(updated[0]).not.toEqual(cold[0]);

	const second = await serve(t);
	const fresh = onServer(staff, second);
	const coldAgain = [];
	for (const path of pages) coldAgain.push(await page(fresh, path));
	expect(updated).toEqual(coldAgain);
}

describe('the overview and pair pages from cold, warm and updated state', () => {
	it('are the same for the demo', async () => {
		const t = await createTestDatabase();
		databases.push(t);
		const demo = await seedDemo(t.db);
		const programId = demo.programIds[0]!;
		const pairId = demo.pairs.find((p) => p.programId === programId)!.pairId;
		await expectSameFromEveryState(t, DEMO_SIGN_IN, programId, pairId);
	}, 120_000);

	it('are the same for a bench program', async () => {
		const t = await createTestDatabase();
		databases.push(t);
		const seed = await seedBench(t.db, { sizes: [300], surveyPairs: 2 });
		const [program] = seed.programs;
		await expectSameFromEveryState(t, BENCH_SIGN_IN, program!.id, program!.pairIds[0]!);
	}, 120_000);
});
