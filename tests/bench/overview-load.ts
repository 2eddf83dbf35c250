import type { Db } from '../../src/lib/server/db/open';
import { submitAssignment } from '../../src/lib/server/survey/answers';
import { Visitor } from '../helpers/browser-like';
import { startServer, type RunningServer } from '../helpers/server';
import { loadPage, median } from './timing';

/** The same signed-in person on another server process of the same database. */
export function sameVisitorOn(
	visitor: Visitor,
	url: string,
	headers: Record<string, string> = {}
): Visitor {
	const moved = new Visitor(url, url, headers);
	for (const [name, value] of visitor.cookies) moved.cookies.set(name, value);
	return moved;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await run();
	return performance.now() - started;
}

/**
 * The overview as the first page a freshly started server process serves (nothing of the program
 * in its memory, its code not yet warm): a new process per view, `restarts` times; the median.
 */
export async function measureColdOverview(
	databasePath: string,
	staff: Visitor,
	path: string,
	restarts: number
): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < restarts; i++) {
		const server: RunningServer = await startServer({
			databasePath,
			env: { TANDEM_SCHEDULER: 'off' }
		});
		try {
			const visitor = sameVisitorOn(staff, server.url);
			times.push(await timed(() => loadPage(visitor, path)));
		} finally {
			await server.stop();
		}
	}
	return median(times);
}

/**
 * One more survey of the program sent (as the survey page sends it: submitAssignment on the
 * database the server reads), then the overview: the view a coordinator gets during an open round.
 * The median over the cycles, after one cycle to warm up.
 */
export async function measureOverviewAfterSubmit(
	db: Db,
	staff: Visitor,
	path: string,
	pendingSurveys: string[]
): Promise<number> {
	if (pendingSurveys.length < 2) throw new Error('Seed at least two surveys left to send.');
	await loadPage(staff, path);
	const times: number[] = [];
	for (const [i, assignmentId] of pendingSurveys.entries()) {
		await submitAssignment(db, assignmentId);
		const ms = await timed(() => loadPage(staff, path));
		if (i > 0) times.push(ms);
	}
	return median(times);
}
