import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Where PostgreSQL tests run: TEST_DATABASE_URL or DATABASE_URL when set (a role that may create
 * databases), else this machine's Debian cluster, started if it is down and reached with a role of
 * its own over TCP with a password.
 */
const LOCAL_CLUSTER = { version: '15', name: 'main' };
const LOCAL_ROLE = 'tandem_test';
const LOCAL_PASSWORD = 'tandem_test_local_only';
const LOCAL_URL = `postgres://${LOCAL_ROLE}:${LOCAL_PASSWORD}@127.0.0.1:5432/postgres`;

let server: Promise<string> | null = null;

/** A URL of a database on the test server from which databases can be created and dropped. */
export function postgresServerUrl(): Promise<string> {
	server ??= reachServer();
	return server;
}

async function reachServer(): Promise<string> {
	const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
	if (given) return given;
	const first = await untilStarted(LOCAL_URL);
	if (first === 'ok') return LOCAL_URL;
	if (first === 'down') startLocalCluster();
	// Another test file may have just started the cluster: wait until it takes connections.
	if ((await untilStarted(LOCAL_URL)) === 'ok') return LOCAL_URL;
	ensureLocalRole();
	const second = await tryConnect(LOCAL_URL);
	if (second !== 'ok')
		throw new Error(`cannot reach the local PostgreSQL as ${LOCAL_ROLE} (${second})`);
	return LOCAL_URL;
}

/** Tries to connect, again while the server says it is starting up (for up to 30 s). */
async function untilStarted(url: string): Promise<'ok' | 'down' | string> {
	for (let attempt = 0; ; attempt++) {
		const state = await tryConnect(url);
		if (state !== 'starting' || attempt >= 120) return state;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function tryConnect(url: string): Promise<'ok' | 'down' | 'starting' | string> {
	const client = new pg.Client({ connectionString: url });
	try {
		await client.connect();
		await client.end();
		return 'ok';
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === 'ECONNREFUSED' || code === 'ENOENT') return 'down';
		// 57P03: the database system is starting up (or shutting down).
		if (code === '57P03') return 'starting';
		return error instanceof Error ? error.message : String(error);
	}
}

function startLocalCluster(): void {
	const { version, name } = LOCAL_CLUSTER;
	try {
		execFileSync('pg_ctlcluster', [version, name, 'start'], { stdio: 'pipe' });
	} catch (error) {
		// Another test file may have started it a moment ago.
		const status = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
		if (!new RegExp(`^${version}\\s+${name}\\s+\\d+\\s+online`, 'm').test(status)) throw error;
	}
}

/** Creates (or resets the password of) the test role, through the postgres account's peer login. */
function ensureLocalRole(): void {
	const statement = `do $$ begin
		if not exists (select from pg_roles where rolname = '${LOCAL_ROLE}') then
			create role ${LOCAL_ROLE} login createdb password '${LOCAL_PASSWORD}';
		else
			alter role ${LOCAL_ROLE} login createdb password '${LOCAL_PASSWORD}';
		end if;
	end $$;`;
	execFileSync('runuser', ['-u', 'postgres', '--', 'psql', '-qX', '-v', 'ON_ERROR_STOP=1'], {
		input: statement,
		stdio: ['pipe', 'pipe', 'pipe'],
		cwd: '/'
	});
}

export interface PostgresTestDatabase {
	url: string;
	drop(): Promise<void>;
}

/**
 * An empty database with a random name on the test server; `drop` removes it. `icuLocale` (say
 * `en`) sorts its text by that language's rules, as a server set up in a language does, instead of
 * the test cluster's bytewise C.UTF-8.
 */
export async function createPostgresDatabase(
	options: { icuLocale?: 'en' } = {}
): Promise<PostgresTestDatabase> {
	const serverUrl = await postgresServerUrl();
	const name = `tandem_test_${randomBytes(6).toString('hex')}`;
	const locale = options.icuLocale
		? ` template template0 locale_provider icu icu_locale '${options.icuLocale}'`
		: '';
	await runOnServer(serverUrl, `create database ${name}${locale}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: () => dropDatabase(serverUrl, name)
	};
}

/**
 * A plain drop waits for autovacuum to leave the database; forcing it would need the right to end
 * autovacuum's process too. Force only what a test left connected.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
	try {
		await runOnServer(serverUrl, `drop database if exists ${name}`);
	} catch {
		await runOnServer(serverUrl, `drop database if exists ${name} with (force)`);
	}
}

/** Drops the database at a URL `createPostgresDatabase` gave. */
export async function dropPostgresDatabase(url: string): Promise<void> {
	const name = new URL(url).pathname.slice(1);
	if (!/^tandem_test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
	await dropDatabase(await postgresServerUrl(), name);
}

async function runOnServer(serverUrl: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}
