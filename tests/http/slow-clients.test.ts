// Issue 17.4: a phone on a slow network is waited for, but a connection that trickles or stalls is
// answered 408 and closed, and never slows down anyone else. Limits are shortened here through the
// same environment variables an operator would set (README, "Configuration").
import { spawnSync } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer({
		env: { REQUEST_TIMEOUT: '3', HEADERS_TIMEOUT: '2', KEEP_ALIVE_TIMEOUT: '1' }
	});
}, 30_000);
afterAll(async () => server?.stop());

interface Outcome {
	/** What the server sent before it closed the connection. */
	reply: string;
	closedAfterMs: number;
}

/** Opens a raw connection, writes `start`, then one more byte a second until the server closes it. */
function trickle(start: string, nextByte: string): Promise<Outcome> {
	return new Promise((resolveOutcome, reject) => {
		const opened = Date.now();
		let reply = '';
		const socket: Socket = connect(server.port, '127.0.0.1', () => socket.write(start));
		const drip = setInterval(() => socket.writable && socket.write(nextByte), 1000);
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => (reply += chunk));
		socket.on('error', () => {}); // a reset after the 408 is a close too
		socket.on('close', () => {
			clearInterval(drip);
			resolveOutcome({ reply, closedAfterMs: Date.now() - opened });
		});
		setTimeout(() => {
			clearInterval(drip);
			socket.destroy();
			reject(new Error('the server kept a stalled connection open for 15 s'));
		}, 15_000);
	});
}

/** Times /healthz every 100 ms until `done` settles. */
async function healthWhile(done: Promise<unknown>): Promise<number[]> {
	let finished = false;
	void done.finally(() => (finished = true));
	const times: number[] = [];
	while (!finished) {
		const started = performance.now();
		const response = await fetch(`${server.url}/healthz`);
		await response.arrayBuffer();
		expect(response.status).toBe(200);
		times.push(performance.now() - started);
		await new Promise((r) => setTimeout(r, 100));
	}
	return times;
}

describe('slow and stalled connections', () => {
	it('answers a body sent a byte a second with 408 and closes it, while /healthz stays quick', async () => {
		// The sign-in form: its action waits for the whole body before reading it.
		const post =
			`POST /signin HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\n` +
			'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a';
		const headersOnly = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n';
		const slowBodies = Array.from({ length: 10 }, () => trickle(post, 'a'));
		const slowHeaders = Array.from({ length: 5 }, () => trickle(headersOnly, 'X'));
		const all = Promise.all([...slowBodies, ...slowHeaders]);
		const healthTimes = await healthWhile(all);
		const outcomes = await all;

		for (const { reply, closedAfterMs } of outcomes.slice(0, 10)) {
			expect(reply).toMatch(/^HTTP\/1\.1 408 /);
			expect(closedAfterMs).toBeLessThan(3000 + 2500);
		}
		for (const { closedAfterMs } of outcomes.slice(10))
			expect(closedAfterMs).toBeLessThan(2000 + 2500);
		// Health checks kept answering while fifteen connections hung on: none waited behind them.
		expect(healthTimes.length).toBeGreaterThan(10);
		expect(Math.max(...healthTimes)).toBeLessThan(1000);
	}, 30_000);

	it('closes a kept-alive connection that stays idle after its answer', async () => {
		const { reply, closedAfterMs } = await trickle(
			'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n',
			''
		);
		expect(reply).toMatch(/^HTTP\/1\.1 200 /);
		expect(closedAfterMs).toBeLessThan(1000 + 2500);
	}, 20_000);

	it('refuses to start with a timeout that is not a number of seconds, and says which', () => {
		const run = spawnSync(
			process.execPath,
			[resolve(import.meta.dirname, '..', '..', 'src', 'cli', 'http-server.js')],
			{
				env: { ...process.env, REQUEST_TIMEOUT: 'soon', PORT: '0', HOST: '127.0.0.1' },
				encoding: 'utf8',
				timeout: 20_000
			}
		);
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('REQUEST_TIMEOUT must be a number of seconds above 0, not "soon"');
	});
});
