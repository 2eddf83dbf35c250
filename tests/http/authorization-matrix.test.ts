import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '../../src/lib/server/auth/cookies';
import { createStaffSession } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db/open';
import { Visitor, signedIn } from '../helpers/browser-like';
import {
	changedTables,
	openDatabaseChecksums,
	type DatabaseChecksums
} from '../helpers/db-checksum';
import { TEST_PASSWORD } from '../helpers/fixtures';
import { sessionThroughLink } from '../helpers/participant-session';
import { discoverEndpoints, routePath, type Endpoint } from '../helpers/route-files';
import { startServer, type RunningServer } from '../helpers/server';
import { ACTORS, ROUTE_RULES, type Actor, type Outcome } from './authorization-matrix.routes';
import { PEOPLE, buildWorld, type World } from './authorization-matrix.world';
import { openDatabaseAt } from '../helpers/database';

const TABLE_FILE = 'tests/http/authorization-matrix.routes.ts';
const REFUSALS: Outcome[] = ['notFound', 'signin', 'noLink', 'gone'];
const STAFF = ['coordinator1', 'coordinator2', 'admin1'] as const;
const PARTICIPANTS = ['protegeA', 'mentorB', 'employer'] as const;

const endpoints = discoverEndpoints();
const byKey = new Map(endpoints.map((endpoint) => [endpoint.key, endpoint]));
const checkedKeys = Object.keys(ROUTE_RULES).filter((key) => byKey.has(key));
/** Allowed actions that change things: posted after everything else, the ending ones last. */
const endsLast = (key: string) => Number(ROUTE_RULES[key]!.last ?? false);
const actingCells = checkedKeys
	.flatMap((key) =>
		ACTORS.filter((actor) => ROUTE_RULES[key]!.expect[actor] === 'acts').map(
			(actor): [string, Actor] => [key, actor]
		)
	)
	.sort(([a], [b]) => endsLast(a) - endsLast(b));

let server: RunningServer;
let db: Db;
let checksums: DatabaseChecksums;
let world: World;
let visitors: Record<Actor, Visitor>;

async function participantVisitor(token: string): Promise<Visitor> {
	const visitor = new Visitor(server.url);
	const landed = await visitor.openLink(`/l/${token}`);
	if (landed.status !== 200) throw new Error(`link did not open a session: ${landed.status}`);
	return visitor;
}

beforeAll(async () => {
	server = await startServer({ env: { TANDEM_SCHEDULER: 'off' } });
	db = openDatabaseAt(server.databasePath);
	checksums = openDatabaseChecksums(server.databasePath);
	world = await buildWorld(db);
	const staff = (actor: (typeof STAFF)[number]) =>
		signedIn(server.url, PEOPLE[actor].email, TEST_PASSWORD);
	visitors = {
		anonymous: new Visitor(server.url),
		protegeA: await participantVisitor(world.links.protegeA),
		mentorB: await participantVisitor(world.links.mentorB),
		employer: await participantVisitor(world.links.employer),
		coordinator1: await staff('coordinator1'),
		coordinator2: await staff('coordinator2'),
		admin1: await staff('admin1')
	};
});
afterAll(async () => {
	checksums?.close();
	await db?.destroy();
	await server?.stop();
});

/** A copy of the actor's cookies: what one request sets never leaks into the next. */
function copyOf(visitor: Visitor): Visitor {
	const copy = new Visitor(server.url);
	for (const [name, value] of visitor.cookies) copy.cookies.set(name, value);
	return copy;
}

/** A new session of the actor's own, so an action that signs out ends only that one. */
async function freshVisitor(actor: Actor): Promise<Visitor> {
	const visitor = new Visitor(server.url);
	const url = new URL(server.url);
	const meta = { ip: null, userAgent: 'authorization matrix' };
	if ((STAFF as readonly string[]).includes(actor)) {
		const staffId = world.staffIds[actor as (typeof STAFF)[number]];
		const { token } = await createStaffSession(db, staffId, meta);
		visitor.cookies.set(sessionCookieName(url), token);
	} else if ((PARTICIPANTS as readonly string[]).includes(actor)) {
		const id = world.participantIds[actor as (typeof PARTICIPANTS)[number]];
		const token = await sessionThroughLink(db, id, meta);
		visitor.cookies.set(sessionCookieName(url, 'participant'), token);
	}
	return visitor;
}

function isRefusalRedirect(location: URL): boolean {
	return (
		location.pathname === '/p/no-link' ||
		(location.pathname === '/signin' && !location.searchParams.has('signedOut'))
	);
}

function matches(expected: Outcome, response: Response): boolean {
	const { status } = response;
	const location = new URL(response.headers.get('location') ?? '/', server.url);
	const redirect = status >= 300 && status < 400;
	switch (expected) {
		case 'ok':
		case 'acts':
			return (status >= 200 && status < 300) || (redirect && !isRefusalRedirect(location));
		case 'bad':
			return status >= 400 && status < 500 && status !== 403 && status !== 404;
		case 'noRecord':
		case 'notFound':
			return status === 404;
		case 'gone':
			return status === 410;
		case 'signin':
			return redirect && location.pathname === '/signin' && !location.searchParams.has('signedOut');
		case 'noLink':
			return redirect && location.pathname === '/p/no-link';
	}
}

function send(visitor: Visitor, endpoint: Endpoint, path: string, body: Record<string, string>) {
	if (endpoint.method === 'GET') return visitor.get(path);
	const target =
		endpoint.action && endpoint.action !== 'default' ? `${path}?/${endpoint.action}` : path;
	return visitor.post(target, body);
}

/** One cell of the matrix: what went wrong, or nothing. */
async function checkCell(key: string, actor: Actor, visitor: Visitor): Promise<string[]> {
	const endpoint = byKey.get(key)!;
	const rule = ROUTE_RULES[key]!;
	const expected = rule.expect[actor];
	const path = routePath(endpoint.routeId, { ...world.params, ...rule.params?.(world, actor) });
	const refused = REFUSALS.includes(expected);
	const body = refused ? (rule.body?.(world) ?? {}) : (rule.actBody?.(world) ?? {});
	const guarded = expected !== 'acts' && !(expected === 'ok' && endpoint.method === 'GET');
	// Allowed traces: a session's last activity, the audit row of a pair page shown again.
	const before = guarded ? await checksums.snapshot() : null;
	const response = await send(visitor, endpoint, path, body);
	const text = await response.text();
	const seen = `${response.status}${response.headers.get('location') ? ` → ${response.headers.get('location')}` : ''}`;
	const problems: string[] = [];
	const where = `${key} as ${actor}`;
	if (!matches(expected, response)) problems.push(`${where}: expected ${expected}, got ${seen}`);
	if (before) {
		const changed = changedTables(before, await checksums.snapshot());
		if (changed.length) problems.push(`${where}: changed ${changed.join(', ')}`);
	}
	const leaked = namesNotToShow(actor, refused).filter((name) => text.includes(name));
	if (leaked.length) problems.push(`${where}: page shows ${leaked.join(', ')}`);
	return problems;
}

/** A refusal names nobody; organization 2 never sees a name of organization 1. */
function namesNotToShow(actor: Actor, refused: boolean): string[] {
	if (refused) return [...world.names.org1, ...world.names.org2];
	return actor === 'coordinator2' ? world.names.org1 : [];
}

function suggestedRule(endpoint: Endpoint): string {
	const allowed = endpoint.method === 'GET' ? 'ok' : 'bad';
	const { routeId } = endpoint;
	const who = routeId.startsWith('/(staff)/admin')
		? 'org1Admin'
		: /^\/\(staff\)\/.*\[/.test(routeId)
			? 'org1Staff'
			: routeId.startsWith('/(staff)')
				? 'anyStaff'
				: routeId.startsWith('/(participant)')
					? 'anyParticipant'
					: 'everyone';
	return `'${endpoint.key}': ${who}('${allowed}'),`;
}

describe('the route table', () => {
	it('has a row for every page, endpoint and form action under src/routes', () => {
		const missing = endpoints.filter((endpoint) => !(endpoint.key in ROUTE_RULES));
		const advice = `Add to ROUTE_RULES in ${TABLE_FILE} (then set who may do what):\n${missing
			.map((endpoint) => `\t${suggestedRule(endpoint)}`)
			.join('\n')}\n`;
		expect(
			missing.map((endpoint) => endpoint.key),
			advice
		).toEqual([]);
	});

	it('has no row for a route or action that no longer exists', () => {
		const stale = Object.keys(ROUTE_RULES).filter((key) => !byKey.has(key));
		expect(stale, `Remove from ROUTE_RULES in ${TABLE_FILE}`).toEqual([]);
	});
});

describe('each actor gets what the table says, and a refusal changes nothing', () => {
	it.each(checkedKeys)('%s', async (key) => {
		const problems: string[] = [];
		for (const actor of ACTORS) {
			if (ROUTE_RULES[key]!.expect[actor] === 'acts') continue;
			problems.push(...(await checkCell(key, actor, copyOf(visitors[actor]))));
		}
		expect(problems).toEqual([]);
	});
});

describe('allowed actions that change things go through', () => {
	it.each(actingCells)('%s as %s', async (key, actor) => {
		expect(await checkCell(key, actor, await freshVisitor(actor))).toEqual([]);
	});
});
