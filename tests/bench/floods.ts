import { Visitor } from '../helpers/browser-like';
import { startServer } from '../helpers/server';
import { sameVisitorOn } from './overview-load';

/** Sign-ins one after another before a flood, as a server that has been running has seen. */
const WARM_UP_SIGN_INS = 20;

/** The server reads each request's address from this header, as behind a reverse proxy. */
const ADDRESS_HEADER = 'x-forwarded-for';

export function percentile(values: number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * `/healthz` asked again and again, one request at a time as a load balancer would, while `load`
 * runs: every answer time in ms. A health check that does not answer 200 stops the bench.
 */
async function healthWhile(url: string, load: Promise<unknown>): Promise<number[]> {
	let done = false;
	const finished = load.finally(() => (done = true));
	const times: number[] = [];
	while (!done) {
		const started = performance.now();
		const response = await fetch(`${url}/healthz`, { headers: { [ADDRESS_HEADER]: '10.9.9.9' } });
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
		times.push(performance.now() - started);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	await finished;
	return times;
}

/** A server of its own on the bench's database, reading addresses as behind a proxy. */
async function proxiedServer(databasePath: string) {
	return startServer({
		databasePath,
		env: { TANDEM_SCHEDULER: 'off', ADDRESS_HEADER, XFF_DEPTH: '1' }
	});
}

export interface SignInFlood {
	healthP95: number;
	/** How the sign-ins were answered: status → count. */
	statuses: Record<number, number>;
}

/**
 * `sign-ins` simultaneous sign-ins, each from its own address for an account of its own that does
 * not exist (so no limit per address or account stops them before the password check), and
 * `/healthz` meanwhile.
 */
export async function measureSignInFlood(
	databasePath: string,
	signIns: number
): Promise<SignInFlood> {
	const server = await proxiedServer(databasePath);
	try {
		// A server that has been running: its sign-in path and health check once through the JIT.
		for (let i = 0; i < WARM_UP_SIGN_INS; i++) {
			const visitor = new Visitor(server.url, server.url, { [ADDRESS_HEADER]: `10.250.0.${i}` });
			await (
				await visitor.post('/signin', { email: `warm${i}@flood.example`, password: 'x' })
			).text();
			await (await fetch(`${server.url}/healthz`)).text();
		}
		const statuses: Record<number, number> = {};
		const flood = Promise.all(
			Array.from({ length: signIns }, async (_, i) => {
				const address = `10.${(i >> 8) & 255}.${i & 255}.7`;
				const visitor = new Visitor(server.url, server.url, { [ADDRESS_HEADER]: address });
				const response = await visitor.post('/signin', {
					email: `nobody${i}@flood.example`,
					password: `wrong password ${i}`
				});
				await response.arrayBuffer();
				statuses[response.status] = (statuses[response.status] ?? 0) + 1;
			})
		);
		const times = await healthWhile(server.url, flood);
		return { healthP95: percentile(times, 0.95), statuses };
	} finally {
		await server.stop();
	}
}

/** `rows` new people as a coordinator's spreadsheet lists them. */
function peopleFile(rows: number): string {
	const lines = ['role,name,email,language'];
	for (let i = 0; i < rows; i++)
		lines.push(
			`${i % 2 ? 'mentor' : 'protege'},Person ${i} Flood,person${i}@import.example,${i % 3 ? 'en' : 'fr'}`
		);
	return lines.join('\n') + '\n';
}

export interface ImportFlood {
	healthP99: number;
	confirmMs: number;
}

/**
 * A file of `rows` people uploaded to an empty program and checked, then the import confirmed
 * while `/healthz` is asked: its answer times during the confirmation.
 */
export async function measureImportFlood(
	databasePath: string,
	staff: Visitor,
	programId: string,
	rows: number
): Promise<ImportFlood> {
	const server = await proxiedServer(databasePath);
	try {
		const visitor = sameVisitorOn(staff, server.url, { [ADDRESS_HEADER]: '10.8.8.8' });
		const body = new FormData();
		body.set('file', new Blob([peopleFile(rows)], { type: 'text/csv' }), 'people.csv');
		const uploaded = await visitor.postBody(`/programs/${programId}/import?/upload`, body);
		const preview = uploaded.headers.get('location');
		if (uploaded.status !== 303 || !preview)
			throw new Error(`The upload answered ${uploaded.status}: ${await uploaded.text()}`);
		const shown = await visitor.get(preview);
		if (shown.status !== 200) throw new Error(`${preview} answered ${shown.status}`);
		await shown.arrayBuffer();
		const started = performance.now();
		const confirm = visitor.post(`${preview}?/confirm`, {}).then(async (response) => {
			await response.arrayBuffer();
			if (response.status !== 303)
				throw new Error(`Confirming the import answered ${response.status}`);
			return performance.now() - started;
		});
		const times = await healthWhile(server.url, confirm);
		return { healthP99: percentile(times, 0.99), confirmMs: await confirm };
	} finally {
		await server.stop();
	}
}
