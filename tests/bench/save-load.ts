import autocannon from 'autocannon';
import type { InstrumentDocument } from '../../src/lib/instruments/types';
import { surveyPages, type SurveyQuestion } from '../../src/lib/instruments/survey-pages';
import { locationOf, Visitor } from '../helpers/browser-like';
import type { SurveyTaker } from './seed-bench';

export const CONNECTIONS = 50;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;

export interface LoadResult {
	rps: number;
	p50: number;
	p99: number;
}

/** A person saving a survey page: their cookies and the form their browser posts. */
export interface Saver {
	path: string;
	cookie: string;
}

function someAnswer(question: SurveyQuestion): string {
	if (question.number) return String(Math.max(question.number.min, 1));
	if (question.type === 'text') return 'Weekly calls suit me.';
	return question.options.find((o) => !o.missing)!.value;
}

/** The first `pre` page of a protégé, answered and posted with "next", as the survey's form sends it. */
export function firstPageForm(document: InstrumentDocument): string {
	const [page] = surveyPages(document, 'protege', 'pre', 'en');
	const form = new URLSearchParams();
	for (const question of page!.questions) form.append(question.key, someAnswer(question));
	form.append('intent', 'next');
	return form.toString();
}

/** Each taker opens their personal link (as from an email) and saves page 1 once, to prove the form. */
export async function openSurveys(
	url: string,
	takers: SurveyTaker[],
	form: string
): Promise<{ savers: Saver[]; visitors: Visitor[] }> {
	const savers: Saver[] = [];
	const visitors: Visitor[] = [];
	for (const taker of takers) {
		const visitor = new Visitor(url);
		await visitor.openLink(`/l/${taker.linkToken}`);
		const path = `/p/a/${taker.assignmentId}/page/1`;
		const saved = await visitor.postBody(path, new URLSearchParams(form));
		if (saved.status !== 303 || !locationOf(saved)?.endsWith('/page/2'))
			throw new Error(`Saving ${path} answered ${saved.status} ${locationOf(saved)}`);
		const cookie = [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		savers.push({ path, cookie });
		visitors.push(visitor);
	}
	return { savers, visitors };
}

async function fire(
	options: autocannon.Options,
	expectedStatus: number,
	seconds: number,
	connections = CONNECTIONS
): Promise<LoadResult> {
	const result = await autocannon({ ...options, connections, duration: seconds });
	const statuses = Object.keys(result.statusCodeStats ?? {});
	if (result.errors > 0 || statuses.some((s) => Number(s) !== expectedStatus))
		throw new Error(
			`Load run got errors or unexpected answers: ${result.errors} errors, ${JSON.stringify(result.statusCodeStats)}`
		);
	return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Page 1 posted to the server at `url`, by each of `savers` in turn. */
function saveOptions(url: string, savers: Saver[], form: string): autocannon.Options {
	let next = 0;
	return {
		url,
		requests: [
			{
				method: 'POST',
				setupRequest: (request) => {
					const saver = savers[next++ % savers.length]!;
					return {
						...request,
						path: saver.path,
						headers: {
							accept: 'text/html',
							origin: url,
							cookie: saver.cookie,
							'content-type': 'application/x-www-form-urlencoded'
						},
						body: form
					};
				}
			}
		]
	};
}

/**
 * Requests per second and latency at 50 connections: page 1 saves spread over the takers
 * (each a real write: upserts and the assignment's progress, in one transaction), and in the
 * same run a bare server-rendered page with no data (/p/no-link) from the same server.
 */
export async function measureSaveLoad(
	url: string,
	savers: Saver[],
	form: string
): Promise<{ save: LoadResult; bare: LoadResult }> {
	const save = saveOptions(url, savers, form);
	const bare: autocannon.Options = {
		url: `${url}/p/no-link`,
		headers: { accept: 'text/html', 'accept-encoding': 'gzip' }
	};
	await fire(bare, 200, WARM_UP_SECONDS);
	await fire(save, 303, WARM_UP_SECONDS);
	return { bare: await fire(bare, 200, SECONDS), save: await fire(save, 303, SECONDS) };
}

/** A server process and the people who save to it. */
export interface SaveTarget {
	url: string;
	savers: Saver[];
}

/**
 * Saves per second over several server processes on one database: the 50 connections split
 * evenly between them, each process saving for its own people at the same time; the sum of
 * their rates.
 */
export async function measureSavesAcross(targets: SaveTarget[], form: string): Promise<number> {
	const connections = Math.floor(CONNECTIONS / targets.length);
	const saves = targets.map((target) => saveOptions(target.url, target.savers, form));
	await Promise.all(saves.map((save) => fire(save, 303, WARM_UP_SECONDS, connections)));
	const results = await Promise.all(saves.map((save) => fire(save, 303, SECONDS, connections)));
	return results.reduce((sum, result) => sum + result.rps, 0);
}
