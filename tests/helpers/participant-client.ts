import type { Answers } from '../../src/lib/survey/page-answers';
import { Visitor } from './browser-like';
import type { LoadLedger, SaveAttempt, SubmitAttempt } from './load-ledger';
import type { LoadParticipant } from './load-program';
import { chooseAnswers, formBody, readSurveyForm, seededRandom } from './survey-form';

/** How often each fault is injected: per page for the first two, per survey for the others. */
export interface Faults {
	/** The same page sent twice at once (a double click). */
	doubleSend: number;
	/** The same page sent again after it succeeded (a retry after a timeout). */
	retry: number;
	/** "Send my answers" sent twice at once. */
	doubleSubmit: number;
	/** An earlier page changed in a second tab, on a slow connection, while the survey is sent. */
	editWhileSubmitting: number;
}

export const USUAL_FAULTS: Faults = {
	doubleSend: 0.1,
	retry: 0.1,
	doubleSubmit: 0.1,
	editWhileSubmitting: 0.1
};

/** How long the second tab's half-sent form waits before the survey is sent from the first. */
const SLOW_BODY_MS = 150;

/** The server went away before answering: the request may or may not have happened. */
class ConnectionLost extends Error {}

interface Reply {
	status: number;
	location: string | null;
	html: string;
}

export type ClientResult = 'submitted' | 'interrupted' | 'stuck';

/** One participant on a phone: opens their link, consents, answers page by page and sends. */
export class ParticipantClient {
	visitor: Visitor;
	readonly #base: string;
	readonly #note: string;

	constructor(
		readonly person: LoadParticipant,
		readonly ledger: LoadLedger,
		baseUrl: string,
		readonly faults: Faults = USUAL_FAULTS
	) {
		this.visitor = new Visitor(baseUrl);
		this.#base = `/p/a/${person.assignmentId}`;
		this.#note = `note from ${person.participantId}`;
	}

	/** The same browser (cookies kept) pointed at a restarted server. */
	moveTo(baseUrl: string): void {
		const visitor = new Visitor(baseUrl);
		for (const [name, value] of this.visitor.cookies) visitor.cookies.set(name, value);
		this.visitor = visitor;
	}

	async run(): Promise<ClientResult> {
		try {
			if (this.visitor.cookies.size === 0 && !(await this.#openLink())) return 'stuck';
			if (!(await this.#consent())) return 'stuck';
			let next = (await this.#request('GET', this.#base)).location ?? '';
			while (next.startsWith(`${this.#base}/page/`)) {
				next = (await this.#answerPage(Number(next.split('/').pop()))) ?? '';
			}
			if (next !== `${this.#base}/check`) return 'stuck';
			return (await this.#submit()) ? 'submitted' : 'stuck';
		} catch (error) {
			if (error instanceof ConnectionLost) return 'interrupted';
			throw error;
		}
	}

	#random(label: string): () => number {
		return seededRandom(`${this.person.assignmentId}:${label}`);
	}

	#surprise(what: string, reply: Reply): false {
		this.ledger.surprises.push(`${what} → ${reply.status} ${reply.location ?? ''}`);
		return false;
	}

	async #openLink(): Promise<boolean> {
		const hop = await this.#request('GET', this.person.linkPath);
		return hop.location === '/p' || this.#surprise('open link', hop);
	}

	/** The portal asks for consent once; after a lost reply it may already have been given. */
	async #consent(): Promise<boolean> {
		const portal = await this.#request('GET', '/p');
		if (portal.location !== '/p/consent') return true;
		const consent = await this.#request('POST', '/p/consent', new URLSearchParams());
		return consent.location === '/p' || this.#surprise('consent', consent);
	}

	async #pageForm(page: number) {
		const reply = await this.#request('GET', `${this.#base}/page/${page}`);
		const count = Number(reply.html.match(/Page \d+ (?:of|sur) (\d+)/)?.[1]);
		return { questions: readSurveyForm(reply.html), last: page >= count };
	}

	/** Saves one page (with this page's faults) and returns where the app sent the person. */
	async #answerPage(page: number): Promise<string | null> {
		const { questions, last } = await this.#pageForm(page);
		const answers = chooseAnswers(questions, this.#random(`${page}`), this.#note);
		const expected = last ? `${this.#base}/check` : `${this.#base}/page/${page + 1}`;
		const save = () => this.#save(page, answers, expected);
		const fault = this.#random(`${page}:fault`)();
		const replies: Reply[] = [];
		if (fault < this.faults.doubleSend) replies.push(...(await settled([save(), save()])));
		else {
			replies.push(await save());
			if (fault < this.faults.doubleSend + this.faults.retry) replies.push(await save());
		}
		const refused = replies.find((reply) => reply.location !== expected);
		if (!refused) return expected;
		this.#surprise(`save page ${page}`, refused);
		return null;
	}

	async #save(page: number, answers: Answers, expected: string): Promise<Reply> {
		const attempt = this.ledger.startSave(this.person.assignmentId, page, answers);
		const reply = await this.#request(
			'POST',
			`${this.#base}/page/${page}`,
			formBody(answers, 'next')
		);
		this.#settle(attempt, reply.status === 303 && reply.location === expected);
		return reply;
	}

	#settle(attempt: SaveAttempt | SubmitAttempt, acked: boolean) {
		if (acked) this.ledger.acknowledge(attempt);
		else attempt.outcome = 'refused';
	}

	async #submit(): Promise<boolean> {
		const done = `${this.#base}/done`;
		const check = await this.#request('GET', `${this.#base}/check`);
		if (check.status !== 200) return this.#surprise('check page', check);
		const send = async () => {
			const attempt = this.ledger.startSubmit(this.person.assignmentId);
			const reply = await this.#request('POST', `${this.#base}/check`, new URLSearchParams());
			this.#settle(attempt, reply.status === 303 && reply.location === done);
			return reply;
		};
		const fault = this.#random('submit')();
		if (fault < this.faults.doubleSubmit) {
			const replies = await settled([send(), send()]);
			return replies.every((r) => r.location === done) || this.#surprise('submit', replies[0]!);
		}
		let reply: Reply | undefined;
		if (fault < this.faults.doubleSubmit + this.faults.editWhileSubmitting)
			await this.#changeWhileSending(async () => (reply = await send()));
		else reply = await send();
		return reply!.location === done || this.#surprise('submit', reply!);
	}

	/**
	 * A second tab on a slow connection changes page 1 or 2: half its form is on the way when the
	 * first tab sends the survey, the rest arrives after. The change comes too late and must be
	 * refused (back to the answers); an acknowledgement would be an answer acknowledged and lost.
	 */
	async #changeWhileSending(sendSurvey: () => Promise<unknown>): Promise<void> {
		const random = this.#random('change');
		const page = 1 + Math.floor(random() * 2);
		const { questions } = await this.#pageForm(page);
		const answers = chooseAnswers(questions, random, `${this.#note} changed`);
		const attempt = this.ledger.startSave(this.person.assignmentId, page, answers);
		const form = formBody(answers, 'next').toString();
		let rest!: () => void;
		const restSent = new Promise<void>((resolve) => (rest = resolve));
		const body = new ReadableStream<Uint8Array>({
			async start(controller) {
				controller.enqueue(new TextEncoder().encode(form.slice(0, form.length >> 1)));
				await restSent;
				controller.enqueue(new TextEncoder().encode(form.slice(form.length >> 1)));
				controller.close();
			}
		});
		const change = this.#request('POST', `${this.#base}/page/${page}`, body);
		// When sending the survey loses the connection, the change is never awaited: its own
		// ConnectionLost must not surface as an unhandled rejection after the test.
		change.catch(() => {});
		try {
			await sleep(SLOW_BODY_MS);
			await sendSurvey();
		} finally {
			rest();
		}
		const reply = await change;
		const next = `${this.#base}/page/${page + 1}`;
		this.#settle(attempt, reply.status === 303 && reply.location === next);
		if (reply.location !== next && reply.location !== `${this.#base}/check`)
			this.#surprise(`change page ${page} while sending`, reply);
	}

	async #request(
		method: 'GET' | 'POST',
		path: string,
		body?: URLSearchParams | ReadableStream<Uint8Array>
	): Promise<Reply> {
		let response: Response;
		let html: string;
		try {
			response = await this.#send(path, body);
			html = await response.text();
		} catch (error) {
			const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : '';
			this.ledger.lostReplies.push(`${method} ${path} → ${String(error)}${cause}`);
			throw new ConnectionLost();
		}
		if (response.status >= 500)
			this.ledger.serverErrors.push(
				`${method} ${path} → ${response.status}: ${html.slice(0, 300)}`
			);
		return { status: response.status, location: response.headers.get('location'), html };
	}

	#send(path: string, body?: URLSearchParams | ReadableStream<Uint8Array>): Promise<Response> {
		if (!body) return this.visitor.get(path);
		if (body instanceof URLSearchParams) return this.visitor.postBody(path, body);
		const cookie = [...this.visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		return fetch(`${this.visitor.baseUrl}${path}`, {
			method: 'POST',
			body,
			duplex: 'half',
			redirect: 'manual',
			headers: {
				accept: 'text/html,application/xhtml+xml',
				origin: this.visitor.origin,
				cookie,
				'content-type': 'application/x-www-form-urlencoded'
			}
		} as RequestInit);
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for every request of a burst, then fails like the first one that failed. */
async function settled<T>(promises: Promise<T>[]): Promise<T[]> {
	const results = await Promise.allSettled(promises);
	const failed = results.find((r) => r.status === 'rejected');
	if (failed) throw failed.reason;
	return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
