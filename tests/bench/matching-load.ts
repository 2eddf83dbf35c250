import type { Db } from '../../src/lib/server/db/open';
import { buildMatchingView } from '../../src/lib/server/matching/matching-view';
import { findProgram } from '../../src/lib/server/programs/programs';
import type { Visitor } from '../helpers/browser-like';
import type { Measure } from './report';
import { loadPage, median } from './timing';

/** The budgets for the matching page, by protégés (and as many mentors). */
const BUDGET_MS: Record<number, number> = { 300: 2_000, 1000: 20_000 };
const HEALTH_EVERY_MS = 50;

/** The value below which `share` of the values fall (nearest rank). */
function percentile(values: number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * Asks `/healthz` every HEALTH_EVERY_MS whether or not the one before has answered (so a server
 * that stops answering for a second shows it in every request it kept waiting), and keeps each
 * one's time from sending to its last byte.
 */
function watchHealth(baseUrl: string) {
	const times: Promise<number>[] = [];
	const ask = async () => {
		const started = performance.now();
		const response = await fetch(`${baseUrl}/healthz`);
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
		return performance.now() - started;
	};
	const timer = setInterval(() => times.push(ask()), HEALTH_EVERY_MS);
	return {
		async stop(): Promise<number[]> {
			clearInterval(timer);
			return Promise.all(times);
		}
	};
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const started = performance.now();
	const value = await run();
	return { ms: performance.now() - started, value };
}

interface Intake {
	id: string;
	size: number;
}

/**
 * `match_ms_N`: what a coordinator waits for when they open the matching page of an intake of
 * N protégés and N mentors. At 300, the median of 5 after a warm-up, with the page's HTML size;
 * at 1,000, the median of 3 (the first while /healthz is asked every 50 ms, for its p99), with
 * `buildMatchingView` alone once in the bench's own process, to tell the page's work from its
 * rendering.
 */
export async function measureMatching(
	staff: Visitor,
	db: Db,
	organizationId: string,
	intakes: Intake[],
	log: (message: string) => void
): Promise<Measure[]> {
	const measures: Measure[] = [];
	for (const { id, size } of intakes) {
		const label = `${size.toLocaleString('en')} protégés × ${size.toLocaleString('en')} mentors`;
		log(`Matching page, ${label}…`);
		const path = `/programs/${id}/matching`;
		const open = () => timed(() => loadPage(staff, path));
		const budget = BUDGET_MS[size] ?? null;
		if (size < 1000) {
			const first = await open();
			const times: number[] = [];
			for (let i = 0; i < 5; i++) times.push((await open()).ms);
			measures.push({
				measure: `match_ms_${size}`,
				value: median(times),
				unit: 'ms',
				budget,
				kind: 'at_most',
				what: `matching page, ${label}, all answered, default rules (median of 5)`,
				extra: { html_kb: Buffer.byteLength(first.value) / 1024 }
			});
			continue;
		}
		const health = watchHealth(staff.baseUrl);
		const watched = await open();
		const healthTimes = await health.stop();
		const times = [watched.ms, (await open()).ms, (await open()).ms];
		const program = (await findProgram(db, organizationId, id))!;
		const view = await timed(() => buildMatchingView(db, program, 'en'));
		measures.push({
			measure: `match_ms_${size}`,
			value: median(times),
			unit: 'ms',
			budget,
			kind: 'at_most',
			what: `matching page, ${label}, all answered, default rules (median of 3)`,
			extra: {
				budgeted: 'page',
				html_kb: Buffer.byteLength(watched.value) / 1024,
				view_ms: view.ms,
				healthz_p99_ms: percentile(healthTimes, 0.99),
				healthz_max_ms: Math.max(...healthTimes),
				healthz_requests: healthTimes.length
			}
		});
	}
	return measures;
}
