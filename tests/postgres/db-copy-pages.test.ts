// Moving up keeps every page as it was: an installation built on SQLite, copied into PostgreSQL by
// `npm run db:copy`, shows the same staff member the same rows in the same order on both. The
// installation is full of ties (people with the same name, pairs that answered alike, programs
// that start the same day, surveys and notes written in the same millisecond), which SQLite
// returns in the order they were written and PostgreSQL in the order the copy wrote them (by id).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundledMigrations } from '../../src/lib/server/db/bundled-migrations';
import { copySqliteToPostgres } from '../../src/lib/server/db/copy/copy';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import { openPostgresDatabase } from '../../src/lib/server/db/open-postgres';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../src/lib/server/demo/demo-team';
import { seedDemo } from '../../src/lib/server/demo/seed-demo';
import type { Program, StaffUserRow } from '../../src/lib/server/db/schema';
import { createEmployer } from '../../src/lib/server/employers/employers';
import { createPair } from '../../src/lib/server/pairs/pair-actions';
import { addPairNote } from '../../src/lib/server/pairs/pair-notes';
import { insertParticipants } from '../../src/lib/server/participants/participants';
import { answerSurvey, assignmentOf, highEnd, lowEnd, surveyOf } from '../helpers/answers';
import { signedIn } from '../helpers/browser-like';
import {
	createOrganizationWithStaff,
	openTestRound,
	publishedVersion,
	staffByEmail,
	TEST_PASSWORD
} from '../helpers/fixtures';
import { createPostgresDatabase, type PostgresTestDatabase } from '../helpers/postgres';
import { buildPrivacyWorld } from '../helpers/privacy';
import { createTestProgram, participantInput } from '../helpers/programs';
import { startServer, type RunningServer } from '../helpers/server';

const SLOW = 240_000;

let dir: string;
const databases: PostgresTestDatabase[] = [];
const servers: RunningServer[] = [];
let testStartedAt = Infinity;

/** One server on a SQLite installation and one on its copy in PostgreSQL. */
interface Installation {
	sqlite: RunningServer;
	copy: RunningServer;
}

/**
 * Builds a SQLite installation with `build`, copies it into a new PostgreSQL database as
 * `npm run db:copy` does, and starts one built server on each.
 */
async function installOnBoth<T>(
	name: string,
	build: (db: Db) => Promise<T>
): Promise<Installation & { built: T }> {
	const sqlitePath = join(dir, `${name}.db`);
	const db = openDatabase(sqlitePath);
	let built: T;
	try {
		await migrateToLatest(db, bundledMigrations);
		built = await build(db);
	} finally {
		await db.destroy();
	}
	const postgres = await createPostgresDatabase();
	databases.push(postgres);
	const target = openPostgresDatabase(postgres.url, 2);
	try {
		const report = await copySqliteToPostgres(sqlitePath, target, bundledMigrations);
		if (!report.committed) throw new Error('the copy did not match its source');
	} finally {
		await target.destroy();
	}
	const sqlite = await startServer({ databasePath: sqlitePath });
	servers.push(sqlite);
	const copy = await startServer({ databasePath: postgres.url });
	servers.push(copy);
	return { sqlite, copy, built };
}

interface Autumn {
	program: Program;
	pairIds: string[];
	roundId: string;
}

/**
 * A second program starting the same day as the privacy world's: three pairs of a Sam Lee and a
 * Jo Park who answered alike (at risk alike), one pair that agrees, two contacts of one employer
 * and two coordinators named Alex Martin who answered apart, people left unpaired and unanswered
 * under the same names, and two notes written in the same millisecond.
 */
async function buildAutumn(db: Db, admin: StaffUserRow, coordinators: string[]): Promise<Autumn> {
	const program = await createTestProgram(db, admin, {
		name: 'Autumn cohort',
		startDate: '2027-03-01',
		endDate: '2027-06-30'
	});
	const scope = { organizationId: admin.organization_id, programId: program.id };
	const employerId = await createEmployer(db, admin.organization_id, 'Acme Foods');
	const person = (role: 'mentor' | 'protege' | 'employer', name: string, n: number) =>
		participantInput({
			role,
			name,
			email: `${name.toLowerCase().replace(' ', '.')}.${n}@example.org`,
			employerId: role === 'employer' ? employerId : null
		});
	const ids = await insertParticipants(db, scope, [
		...[1, 2, 3].map((n) => person('mentor', 'Sam Lee', n)),
		person('mentor', 'Ada Byron', 1),
		...[1, 2].map((n) => person('mentor', 'Kim Tran', n)),
		...[1, 2, 3].map((n) => person('protege', 'Jo Park', n)),
		person('protege', 'Lin Wu', 1),
		...[1, 2].map((n) => person('protege', 'Noor Ali', n)),
		person('employer', 'Dana Roy', 1),
		person('employer', 'Eli Roy', 1)
	]);
	const [sam1, sam2, sam3, ada, , , jo1, jo2, jo3, lin, , , dana, eli] = ids as string[];
	const pairIds: string[] = [];
	const pairings: [string, string][] = [
		[sam1!, jo1!],
		[sam2!, jo2!],
		[sam3!, jo3!],
		[ada!, lin!]
	];
	for (const [i, [mentorId, protegeId]] of pairings.entries()) {
		const input = { mentorId, protegeId, employerId, coordinatorId: coordinators[i % 2]! };
		const created = await createPair(db, admin, program, input, null);
		if (!created.ok) throw new Error(created.reason);
		pairIds.push(created.pairId);
	}

	const roundId = await openTestRound(db, admin, program, 'pre');
	const survey = await surveyOf(db, roundId);
	const answer = async (
		who: { participantId: string } | { staffId: string },
		role: 'mentor' | 'protege' | 'employer' | 'staff',
		pick: typeof lowEnd
	) => answerSurvey(db, survey, role, await assignmentOf(db, roundId, who), pick);
	for (const mentor of [sam1!, sam2!, sam3!, ada!])
		await answer({ participantId: mentor }, 'mentor', highEnd);
	for (const protege of [jo1!, jo2!, jo3!])
		await answer({ participantId: protege }, 'protege', lowEnd);
	await answer({ participantId: lin! }, 'protege', highEnd);
	await answer({ participantId: dana! }, 'employer', lowEnd);
	await answer({ participantId: eli! }, 'employer', highEnd);
	await answer({ staffId: coordinators[0]! }, 'staff', lowEnd);
	await answer({ staffId: coordinators[1]! }, 'staff', highEnd);

	const now = Date.now();
	await addPairNote(db, admin, pairIds[0]!, 'Called Jo about the schedule', null, now);
	await addPairNote(db, admin, pairIds[0]!, 'Sam asked for the guide', null, now);
	return { program, pairIds, roundId };
}

let ties: Installation;
/** The pages to compare, in the order both servers are asked for them. */
let tiePages: string[];
/** Names each page must show, so that a page broken the same way on both cannot pass. */
let tieNames: Map<string, string[]>;
let demo: Installation;
let demoPages: string[];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-copy-pages-'));
	const built = await installOnBoth('ties', async (db) => {
		const { staffIds } = await createOrganizationWithStaff(db, 'Riverside Mentoring', [
			{ email: 'ana@a.org', role: 'admin', name: 'Ana Silva' },
			{ email: 'alex.m@a.org', role: 'coordinator', name: 'Alex Martin' },
			{ email: 'alex.martin@a.org', role: 'coordinator', name: 'Alex Martin' }
		]);
		const admin = await staffByEmail(db, 'ana@a.org');
		return {
			world: await buildPrivacyWorld(db, admin),
			autumn: await buildAutumn(db, admin, staffIds.slice(1)),
			versionId: await publishedVersion(db, admin.organization_id)
		};
	});
	ties = built;
	const { world, autumn, versionId } = built.built;
	const spring = `/programs/${world.program.id}`;
	const autumnPath = `/programs/${autumn.program.id}`;
	const autumnPairs = autumn.pairIds.map((id) => `${autumnPath}/pairs/${id}`);
	tiePages = [
		'/',
		'/programs',
		spring,
		autumnPath,
		`${autumnPath}?sort=name`,
		`${spring}/participants`,
		`${autumnPath}/participants`,
		`${spring}/pairs/${world.mariaPair}`,
		...autumnPairs,
		`${spring}/rounds/${world.roundId}`,
		`${autumnPath}/rounds/${autumn.roundId}`,
		`/instruments/${versionId}`,
		`/instruments/${versionId}/export`,
		`${autumnPath}/export/responses.csv`,
		`${autumnPath}/export/pair-scores.csv`,
		`${spring}/export/pair-scores.csv`,
		// The whole log holds this test's own sign-ins and page views, each at its own time.
		'/admin/audit?action=pair.created'
	];
	tieNames = new Map([
		['/', ['Autumn cohort', 'Spring cohort', 'Jo Park']],
		[autumnPath, ['Sam Lee', 'Jo Park', 'Kim Tran', 'Noor Ali', 'Alex Martin']],
		[autumnPairs[0]!, ['Sam asked for the guide', 'Called Jo about the schedule']],
		[`${autumnPath}/rounds/${autumn.roundId}`, ['Kim Tran', 'Noor Ali']],
		[`${autumnPath}/export/pair-scores.csv`, ['Autumn cohort']],
		['/admin/audit?action=pair.created', ['Sam Lee', 'Jo Park']]
	]);

	const seeded = await installOnBoth('demo', (db) => seedDemo(db));
	demo = seeded;
	demoPages = [
		'/',
		...seeded.built.programIds.map((id) => `/programs/${id}`),
		// The intake has nobody paired yet: a pair page of each program that has pairs.
		...seeded.built.programIds
			.filter((id) => id !== seeded.built.intakeProgramId)
			.map((id) => {
				const pairs = [...seeded.built.pairs, ...seeded.built.finishedPairs];
				const pair = pairs.find((p) => p.programId === id)!;
				return `/programs/${id}/pairs/${pair.pairId}`;
			})
	];
}, SLOW);

afterAll(async () => {
	for (const server of servers) await server.stop();
	for (const database of databases) await database.drop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * What may differ between two servers of the same build: their address, each answer's script
 * nonce, and the time of what the test itself does (signing in, opening pages, exporting), which the
 * audit log shows, and sends to the browser, to the millisecond.
 */
function comparable(body: string, server: RunningServer): string {
	return body
		.replaceAll(server.url, 'http://server')
		.replaceAll(server.url.slice(7), 'server')
		.replace(/nonce="[^"]*"/g, 'nonce=""')
		.replace(/<time datetime="([^"]+)"[^>]*>[^<]*<\/time>/g, (time, at: string) =>
			Date.parse(at) >= testStartedAt ? '<time>during the test</time>' : time
		)
		.replace(/\b\d{13}\b/g, (ms) => (Number(ms) >= testStartedAt ? 'during the test' : ms));
}

/** Where the bodies first differ, with a little around it, or null when they match. */
function firstDifference(
	a: string,
	b: string
): { at: number; sqlite: string; postgres: string } | null {
	if (a === b) return null;
	let at = 0;
	while (at < a.length && a[at] === b[at]) at++;
	const around = (body: string) => body.slice(Math.max(0, at - 120), at + 120);
	return { at, sqlite: around(a), postgres: around(b) };
}

/** The pages that differ between the installation's two servers, and where. */
async function differences(
	{ sqlite, copy }: Installation,
	email: string,
	password: string,
	pages: string[],
	expected = new Map<string, string[]>()
): Promise<{ page: string; difference: unknown }[]> {
	testStartedAt = Date.now();
	const both = [sqlite, copy];
	const visitors = await Promise.all(both.map((server) => signedIn(server.url, email, password)));
	const found: { page: string; difference: unknown }[] = [];
	for (const page of pages) {
		const [left, right] = await Promise.all(
			visitors.map(async (visitor, i) => {
				const response = await visitor.get(page);
				expect({ page, status: response.status }).toEqual({ page, status: 200 });
				return comparable(await response.text(), both[i]!);
			})
		);
		for (const name of expected.get(page) ?? []) expect(left).toContain(name);
		const difference = firstDifference(left!, right!);
		if (difference) found.push({ page, difference });
	}
	return found;
}

it(
	'shows every staff page the same on SQLite and on its PostgreSQL copy, ties included',
	async () => {
		expect(await differences(ties, 'ana@a.org', TEST_PASSWORD, tiePages, tieNames)).toEqual([]);
	},
	SLOW
);

it(
	'shows the demo’s home, every program overview and a pair page of each paired one the same on both',
	async () => {
		const { email } = DEMO_ADMIN;
		expect(demoPages.length).toBe(8);
		const names = new Map([['/', ['Maple Newcomer Services']]]);
		expect(await differences(demo, email, DEMO_PASSWORD, demoPages, names)).toEqual([]);
	},
	SLOW
);
