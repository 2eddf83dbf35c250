import { expect } from 'vitest';
import { Visitor, locationOf } from './browser-like';
import {
	READ_REQUEST_POLICY,
	REFUSED_REQUEST_POLICY,
	changedTables,
	type ChecksumPolicy,
	type DatabaseChecksums,
	type TableChecksums
} from './db-checksum';
import { CaseCounter, RAW_MARKUP, encodeBody, type HostileRequest } from './hostile';
import type { RunningServer } from './server';

/** What came back, read once. */
export interface Reply {
	status: number;
	location: string | null;
	type: string;
	text: string;
	/** What a `use:enhance` post gets back instead of a page. */
	json: { type?: string; location?: string; data?: unknown; error?: unknown } | null;
}

async function reply(response: Response): Promise<Reply> {
	const text = await response.text();
	const type = response.headers.get('content-type') ?? '';
	const json = type.includes('application/json') ? JSON.parse(text) : null;
	return { status: response.status, location: locationOf(response), type, text, json };
}

/** Nothing done: an error status, a failure for `use:enhance`, or off to sign in. */
export function wasRefused(answer: Reply): boolean {
	if (answer.status >= 400) return true;
	const type = answer.json?.type;
	if (type === 'failure' || type === 'error') return true;
	const location = answer.json?.location ?? answer.location ?? '';
	return (
		location.startsWith('/signin?redirectTo=') ||
		location === '/signin' ||
		location === '/p/no-link'
	);
}

/** A refusal says why: the form's error summary, the error page, or the failure's data. */
function saysWhy(answer: Reply): boolean {
	if (answer.json)
		return (
			answer.json.type === 'redirect' ||
			answer.json.data !== undefined ||
			answer.json.error !== undefined
		);
	if (answer.status < 400) return true;
	if (answer.type.includes('text/html'))
		return /role="alert"/.test(answer.text) || /class="error-header\b/.test(answer.text);
	return answer.text.trim().length > 0;
}

export const brief = (answer: Reply) =>
	`${answer.status} ${answer.location ?? ''} ${answer.text.replace(/\s+/g, ' ').slice(0, 300)}`;

/**
 * Sends hostile requests one at a time, so that a change to the database belongs to the request
 * that made it, and checks what must hold for every one of them.
 */
export class HostileRun {
	readonly cases = new CaseCounter();

	constructor(
		readonly server: RunningServer,
		readonly checksums: DatabaseChecksums,
		readonly visitor: (who: string) => Visitor
	) {}

	/**
	 * A hostile form post: never a server error; when refused, a reason shown and the database
	 * exactly as before.
	 */
	async attempt(property: string, who: string, path: string, request: HostileRequest) {
		this.cases.add(property);
		const before = await this.checksums.snapshot(REFUSED_REQUEST_POLICY);
		const answer = await this.#post(this.visitor(who), path, request);
		this.#expectNoServerError(property, answer);
		if (wasRefused(answer)) {
			expect(saysWhy(answer), `${property}: refused without a message ${brief(answer)}`).toBe(true);
			await this.#expectUnchanged(property, before, REFUSED_REQUEST_POLICY, answer);
		} else this.cases.accept(property);
		return answer;
	}

	/** A hostile address: never a server error, no markup from it in a page, nothing written. */
	async visit(property: string, who: string, path: string, writes = false) {
		this.cases.add(property);
		const before = await this.checksums.snapshot(READ_REQUEST_POLICY);
		const answer = await this.page(who, path);
		this.#expectNoServerError(property, answer);
		if (answer.type.includes('text/html'))
			expect(answer.text.match(RAW_MARKUP)?.[0], `${property}: ${path}`).toBeUndefined();
		if (!writes) await this.#expectUnchanged(property, before, READ_REQUEST_POLICY, answer);
		if (answer.status < 400) this.cases.accept(property);
		return answer;
	}

	/** Where an accepted form led (the new record's page) opens too, with nothing raw in it. */
	async followAccepted(property: string, who: string, answer: Reply) {
		if (wasRefused(answer) || answer.status !== 303 || !answer.location) return;
		const page = await this.page(who, answer.location);
		this.#expectNoServerError(`${property} → ${answer.location}`, page);
		expect(page.text.match(RAW_MARKUP)?.[0], answer.location).toBeUndefined();
	}

	async page(who: string, path: string): Promise<Reply> {
		return reply(await this.visitor(who).get(path));
	}

	async #post(visitor: Visitor, path: string, request: HostileRequest): Promise<Reply> {
		const { bytes, contentType, json } = encodeBody(request.body);
		const origins = { same: undefined, other: 'https://evil.example', missing: null };
		// A fresh connection each time: Node resets a kept-alive connection whose last request
		// body was answered without being read, which would fail the next, unrelated case.
		const headers: Record<string, string> = {
			connection: 'close',
			...(json ? { accept: 'application/json', 'x-sveltekit-action': 'true' } : {})
		};
		const origin = origins[request.origin];
		return reply(await visitor.postRaw(path, bytes, contentType, { origin, headers }));
	}

	#expectNoServerError(property: string, answer: Reply) {
		const log = answer.status >= 500 ? `\n${this.server.output().slice(-1500)}` : '';
		expect(answer.status, `${property}: server error ${brief(answer)}${log}`).toBeLessThan(500);
	}

	async #expectUnchanged(
		property: string,
		before: TableChecksums,
		policy: ChecksumPolicy,
		answer: Reply
	) {
		const changed = changedTables(before, await this.checksums.snapshot(policy));
		expect(changed, `${property} changed the database: ${brief(answer)}`).toEqual([]);
	}
}
